"""The child's case (RULES §6–7): stages of Pasal 18, assessment, plan, services, reintegration, companions,
referral — the place where an LPKS's social workers do their daily work."""
