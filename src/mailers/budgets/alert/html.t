{% if threshold >= 100 %}{% set title = t(key="mail-alert-title-over", budget=budget, percent=threshold) %}{% else %}{% set title = t(key="mail-alert-title-reached", budget=budget, percent=threshold) %}{% endif -%}
<p>{{ t(key="mail-hello", name=name) }}</p>
<p>{{ t(key="mail-alert-in-html", title=title | escape, workspace=workspace | escape) | safe }}</p>
<p>{{ t(key="mail-alert-body", spent=spent | money(currency=currency), limit=limit | money(currency=currency), period=period, start=start | day) }}</p>
<p><a href="{{ link }}">{{ t(key="mail-alert-see") }}</a></p>
<p>{{ t(key="mail-alert-why-html") }} <a href="{{ settings_link }}">{{ t(key="mail-alert-off") }}</a>.</p>
