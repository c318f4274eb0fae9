{{ t(key="mail-reset-subject") }}
