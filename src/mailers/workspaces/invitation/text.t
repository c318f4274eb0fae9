{{ t(key="mail-hello-anyone") }}

{{ t(key="mail-invitation-text", inviter=inviter, workspace=workspace, role=t(key="role-" ~ role)) }}

{{ t(key="mail-invitation-how-text", email=email) }}

{{ link }}

{{ t(key="mail-invitation-expiry") }}
