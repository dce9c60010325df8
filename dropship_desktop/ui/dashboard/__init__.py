"""The dashboard (工作台): today's to-dos and how the shops are doing."""
