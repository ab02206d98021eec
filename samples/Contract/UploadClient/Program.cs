using UploadClient;

// Usage: UploadClient http://localhost:5000/upload <file-to-upload>
await using var connection = Uploader.Connect(new Uri(args[0]));
await connection.StartAsync();
var uploader = new Uploader(connection);

await uploader.UploadAsync(args[1], CancellationToken.None);
await uploader.UploadNoteAsync(args[1], CancellationToken.None);
Console.WriteLine($"{await uploader.StreamAsync(args[1], CancellationToken.None)} bytes uploaded");
