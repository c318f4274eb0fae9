{% if threshold >= 100 %}{% set title = t(key="mail-alert-title-over", budget=budget, percent=threshold) %}{% else %}{% set title = t(key="mail-alert-title-reached", budget=budget, percent=threshold) %}{% endif -%}
{{ t(key="mail-hello", name=name) }}

{{ t(key="mail-alert-in-text", title=title, workspace=workspace) }}

{{ t(key="mail-alert-body", spent=spent | money(currency=currency), limit=limit | money(currency=currency), period=period, start=start | day) }}

{{ t(key="mail-alert-see-text", link=link) }}

{{ t(key="mail-alert-why-text", link=settings_link) }}
