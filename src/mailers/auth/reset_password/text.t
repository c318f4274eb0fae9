{{ t(key="mail-hello", name=name) }}

{{ t(key="mail-reset-text") }}

{{ link }}

{{ t(key="mail-reset-expiry") }}
