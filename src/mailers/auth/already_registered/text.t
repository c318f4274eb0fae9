{{ t(key="mail-hello", name=name) }}

{{ t(key="mail-taken-body") }}

{{ t(key="mail-taken-login-text", link=login) }}
{{ t(key="mail-taken-forgot-text", link=forgot) }}

{{ t(key="mail-ignore") }}
