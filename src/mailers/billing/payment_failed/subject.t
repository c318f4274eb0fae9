{{ t(key="mail-payment-subject", workspace=workspace) }}
