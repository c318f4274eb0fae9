<p>Hello {{ name }},</p>
<p>Stripe could not take the payment for the {{ plan }} plan of <strong>{{ workspace }}</strong> (invoice {{ invoice }}).</p>
<p>{% if grace_until %}The workspace keeps the {{ plan }} plan until {{ grace_until }} while Stripe tries again. After that the limits of the free plan apply until a payment succeeds; nothing you saved is removed.{% else %}Until a payment succeeds the limits of the free plan apply; nothing you saved is removed.{% endif %}</p>
<p><a href="{{ link }}">Update the payment method</a></p>
