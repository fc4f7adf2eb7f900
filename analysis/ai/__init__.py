"""AI providers behind one protocol (DESIGN §6): see base.AIService and registry.get_ai_service."""
