namespace Relay.Net.Framing
{
    using System;
    using System.Text;

    /// <summary>Channel names as the relay compares them.</summary>
    internal static class ChannelName
    {
        public static string Normalize(string name)
        {
            var normalized = new StringBuilder(name.Length);
            foreach (var character in name.Trim())
            {
                normalized.Append(char.IsWhiteSpace(character) ? '-' : char.ToLowerInvariant(character));
            }

            return normalized.Length == 0 ? throw new ArgumentException("A channel needs a name.", nameof(name)) : normalized.ToString();
        }
    }
}
