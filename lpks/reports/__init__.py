"""Figures and yearly reports (RULES §9; Pasal 85 huruf h, 86 huruf f, 87 huruf f, 89–92)."""
