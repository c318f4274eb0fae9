Hello {{ name }},

Stripe could not take the payment for the {{ plan }} plan of "{{ workspace }}" (invoice {{ invoice }}).

{% if grace_until %}The workspace keeps the {{ plan }} plan until {{ grace_until }} while Stripe tries again. After that the limits of the free plan apply until a payment succeeds; nothing you saved is removed.{% else %}Until a payment succeeds the limits of the free plan apply; nothing you saved is removed.{% endif %}

To update the payment method, open the billing page:

{{ link }}
