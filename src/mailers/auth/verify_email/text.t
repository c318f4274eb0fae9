{{ t(key="mail-hello", name=name) }}

{{ t(key="mail-verify-text") }}

{{ link }}

{{ t(key="mail-verify-expiry") }}
