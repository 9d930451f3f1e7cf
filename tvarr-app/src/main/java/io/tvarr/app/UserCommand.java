package io.tvarr.app;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.admin.Actor;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tvarr user add|passwd|remove|list}: manages admin users straight in the database, for the first user, a
 * forgotten password, or a locked-out install. Passwords are asked on the terminal (twice, not echoed) or read from
 * standard input with {@code --password-stdin}; never taken as an argument, which would land in shell history.
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage admin users.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Remove.class, UserCommand.List.class
        })
final class UserCommand {
    private static final Actor CLI = Actor.system("cli");

    private UserCommand() {}

    /** Options of the subcommands that set a password. */
    static final class PasswordOptions {
        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean fromStdin;

        String read(PrintWriter out) {
            if (fromStdin) {
                try {
                    String line =
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    if (line == null) {
                        throw new ValidationException("password: standard input was empty");
                    }
                    return line;
                } catch (IOException e) {
                    throw new UncheckedIOException("password: cannot read standard input", e);
                }
            }
            Console console = System.console();
            if (console == null) {
                throw new ValidationException("password: no terminal to ask it on; pipe it in with --password-stdin");
            }
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Password again: ");
            try {
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    throw new ValidationException("password: the two entries differ");
                }
                return new String(first);
            } finally {
                if (first != null) {
                    Arrays.fill(first, ' ');
                }
                if (again != null) {
                    Arrays.fill(again, ' ');
                }
                out.flush();
            }
        }
    }

    /** What every subcommand shares: the configuration, where to print, and the core opened on the database. */
    abstract static class OnTheDatabase implements Callable<Integer> {
        @Mixin
        TvarrCommand.ConfigOptions options = new TvarrCommand.ConfigOptions();

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec == null
                    ? new PrintWriter(System.out, true)
                    : spec.commandLine().getOut();
            Work work = prepare(out);
            try (Tvarr core = options.load().core().build()) {
                work.run(core, out);
            }
            out.flush();
            return 0;
        }

        /** Asks what must be asked before the database is opened (a password), and returns the work to do. */
        abstract Work prepare(PrintWriter out);

        interface Work {
            void run(Tvarr core, PrintWriter out);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an admin user.")
    static final class Add extends OnTheDatabase {
        @Mixin
        PasswordOptions password = new PasswordOptions();

        @Parameters(index = "0", description = "username")
        String username = "";

        @Override
        Work prepare(PrintWriter out) {
            String secret = password.read(out);
            return (core, print) -> print.println("admin user '"
                    + core.adminUsers().add(username, secret, CLI).username() + "' added");
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set an admin user's password.")
    static final class Passwd extends OnTheDatabase {
        @Mixin
        PasswordOptions password = new PasswordOptions();

        @Parameters(index = "0", description = "username")
        String username = "";

        @Override
        Work prepare(PrintWriter out) {
            String secret = password.read(out);
            return (core, print) -> {
                core.adminUsers().changePassword(username, secret, CLI);
                print.println("password of '" + username + "' changed; its sessions are ended");
            };
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an admin user.")
    static final class Remove extends OnTheDatabase {
        @Parameters(index = "0", description = "username")
        String username = "";

        @Override
        Work prepare(PrintWriter out) {
            return (core, print) -> {
                core.adminUsers().remove(username, CLI);
                print.println("admin user '" + username + "' removed");
            };
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List admin users.")
    static final class List extends OnTheDatabase {
        @Override
        Work prepare(PrintWriter out) {
            return (core, print) -> core.adminUsers()
                    .list()
                    .forEach(user -> print.println(user.username() + "\tcreated " + user.createdAt()
                            + "\tpassword changed " + user.passwordChangedAt()));
        }
    }
}
