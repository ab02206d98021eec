using System.Net.WebSockets;
using System.Text;

// A Main method rather than top-level statements: the WSL2003 fix is not applied to a loop among top-level statements.
internal static class Program
{
    private static async Task Main(string[] args)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(args[0]), CancellationToken.None);
        var buffer = new byte[4096];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (text.Length > 65536)
            {
                return;
            }
        }
        while (!result.EndOfMessage);
        Console.WriteLine(text);
    }
}
