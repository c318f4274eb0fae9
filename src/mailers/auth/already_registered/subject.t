{{ t(key="mail-taken-subject") }}
