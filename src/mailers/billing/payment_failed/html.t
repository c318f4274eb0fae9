{% if plan %}{% set plan_name = plan %}{% else %}{% set plan_name = t(key="mail-payment-paid-plan") %}{% endif -%}
<p>{{ t(key="mail-hello", name=name) }}</p>
<p>{{ t(key="mail-payment-html", plan=plan_name | escape, workspace=workspace | escape, invoice=invoice | escape) | safe }}</p>
<p>{% if grace_until %}{{ t(key="mail-payment-grace", plan=plan_name, until=grace_until | day) }}{% else %}{{ t(key="mail-payment-no-grace") }}{% endif %}</p>
<p><a href="{{ link }}">{{ t(key="mail-payment-update") }}</a></p>
