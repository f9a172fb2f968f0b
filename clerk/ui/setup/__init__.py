"""Setting up: the welcome view, committees, people, meetings and agendas."""
