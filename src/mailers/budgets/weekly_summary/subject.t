{{ t(key="mail-week-subject", workspace=workspace, total=total | money) }}
