{{ t(key="mail-new-email-subject") }}
