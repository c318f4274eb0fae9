{% if threshold >= 100 %}{% set title = t(key="mail-alert-title-over", budget=budget, percent=threshold) %}{% else %}{% set title = t(key="mail-alert-title-reached", budget=budget, percent=threshold) %}{% endif -%}
[{{ workspace }}] {{ title }}
