namespace Realtime.LiveApi.Auth;

/// <summary>`dotnet Realtime.LiveApi.dll hash-password` prints the hash of the password read from standard input.</summary>
public static class PasswordTool
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["hash-password", ..])
            return false;
        var password = Console.In.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("Type the password on standard input, e.g. `echo -n secret | dotnet Realtime.LiveApi.dll hash-password`.");
            Environment.ExitCode = 2;
            return true;
        }
        Console.WriteLine(StaffDirectory.Hash(password));
        return true;
    }
}
