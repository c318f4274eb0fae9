{{ t(key="mail-invitation-subject", inviter=inviter, workspace=workspace) }}
