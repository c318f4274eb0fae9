{% if plan %}{% set plan_name = plan %}{% else %}{% set plan_name = t(key="mail-payment-paid-plan") %}{% endif -%}
{{ t(key="mail-hello", name=name) }}

{{ t(key="mail-payment-text", plan=plan_name, workspace=workspace, invoice=invoice) }}

{% if grace_until %}{{ t(key="mail-payment-grace", plan=plan_name, until=grace_until | day) }}{% else %}{{ t(key="mail-payment-no-grace") }}{% endif %}

{{ t(key="mail-payment-update-text") }}

{{ link }}
