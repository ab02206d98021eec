namespace ChatServer;

public sealed record ChatMessage(string User, string Text, DateTimeOffset Sent);
