<p>Hello {{ name }},</p>
<p>Welcome to SmartExpense. Please confirm your email address:</p>
<p><a href="{{ link }}">Confirm my address</a></p>
<p>The link works for 48 hours. If you did not sign up, you can ignore this mail.</p>
