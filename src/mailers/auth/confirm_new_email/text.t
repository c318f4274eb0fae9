{{ t(key="mail-hello", name=name) }}

{{ t(key="mail-new-email-text", email=new_email) }}

{{ link }}

{{ t(key="mail-new-email-until") }}
