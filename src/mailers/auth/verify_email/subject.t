{{ t(key="mail-verify-subject") }}
