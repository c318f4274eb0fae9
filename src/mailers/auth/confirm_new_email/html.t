<p>Hello {{ name }},</p>
<p>You asked to use {{ new_email }} for your SmartExpense account.</p>
<p><a href="{{ link }}">Confirm the new address</a></p>
<p>Until you do, your account keeps its current address. The link works for 48 hours.</p>
