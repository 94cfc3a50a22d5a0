package org.lmobservatory.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The command line: a root command that only dispatches, the commands each domain registers, and the mapping of
 * failures to messages and exit codes. picocli checks every option before a command runs, so a typo never reaches
 * the database.
 */
@Command(name = "observatory.jar", synopsisHeading = "Usage: java -jar ",
        header = "Labour Market Observatory: the open-data API and its loader.",
        footer = {"", "Configuration comes from environment variables (DATABASE_URL, PORT, LMO_DATA_DIR, …): see README.md.",
                "Run 'java -jar observatory.jar <command> --help' for a command's options."},
        subcommands = CommandLine.HelpCommand.class)
public final class Cli implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Cli() {
    }

    /** The root command with every set's commands, printing to the session's streams. */
    public static CommandLine create(Session session, List<CommandSet> sets) {
        CommandLine root = new CommandLine(new Cli());
        Map<Method, CommandSet> owners = new HashMap<>();
        for (CommandSet set : sets) {
            Command group = set.getClass().getAnnotation(Command.class);
            if (group != null && !group.name().equals(CommandLine.Model.CommandSpec.DEFAULT_COMMAND_NAME)) {
                // A named set is one command with its methods as subcommands ("token create", "token list").
                CommandLine command = new CommandLine(set);
                withHelp(command);
                command.getSubcommands().values().forEach(sub -> {
                    withHelp(sub);
                    if (sub.getCommandSpec().userObject() instanceof Method method) owners.put(method, set);
                });
                root.addSubcommand(command);
                continue;
            }
            for (Method method : CommandLine.getCommandMethods(set.getClass(), null)) {
                CommandLine command = new CommandLine(method);
                withHelp(command);
                root.addSubcommand(command);
                owners.put(method, set);
            }
        }
        root.setExecutionStrategy(parseResult -> execute(parseResult, owners));
        // After registering: picocli hands streams and handlers only to the subcommands that exist at the time.
        root.setOut(session.out()).setErr(session.err());
        root.setExecutionExceptionHandler((e, commandLine, parseResult) -> ExitCodes.report(e, commandLine.getErr()));
        root.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.INTERNAL);
        return root;
    }

    private static void withHelp(CommandLine command) {
        command.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help and exit.").build());
    }

    /**
     * picocli would invoke a method command on its parent's object (here the root); it must run on the set that
     * declares it, which holds the session.
     */
    private static int execute(CommandLine.ParseResult parseResult, Map<Method, CommandSet> owners) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) return help;
        CommandLine.ParseResult last = parseResult;
        while (last.hasSubcommand()) last = last.subcommand();
        if (!(last.commandSpec().userObject() instanceof Method method) || !owners.containsKey(method)) {
            return new CommandLine.RunLast().execute(parseResult);
        }
        try {
            // The method's parameters, in order (the -h option added at registration is not one of them).
            Object[] values = last.commandSpec().args().stream()
                    .filter(arg -> arg.userObject() instanceof CommandLine.Model.MethodParam)
                    .map(CommandLine.Model.ArgSpec::getValue).toArray();
            Object code = method.invoke(owners.get(method), values);
            return code instanceof Integer i ? i : ExitCodes.OK;
        } catch (InvocationTargetException e) {
            throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), String.valueOf(e.getCause()), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No command given: show what there is, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
