"""The org-structure service: units, people, roles, skills, training, RACI."""
