package io.chainpos.till.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LineNumber;
import java.lang.constant.ClassDesc;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.reflect.AccessFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads compiled screen code and finds every call, made on the JavaFX thread, to something that may wait for the
 * disk, the network, a device or another thread. Code runs on the JavaFX thread unless it is the body of a
 * {@link Tasks.Work} (a lambda or method reference of that type, which only {@link Tasks} runs, on the counter or
 * network thread) or a private method only such bodies call. Everything else in the screens is assumed to run on
 * the JavaFX thread: every non-private method, constructor, listener, binding and callback.
 *
 * <p>What may wait: the till's own classes outside {@code ui} (use-cases, stores, the ledger, devices, sync,
 * settings files) except records and enums (plain data: a member's points, a result's reason), the
 * {@link TillStartup} port, file, socket, JDBC and HTTP classes, and blocking waits (sleep, join, wait, a future's
 * get, a latch's await, a lock). Calls through a JDK functional interface ({@code Function.apply}) cannot be
 * followed; the screens call only {@code TillUseCases.saleSessions()} that way, which builds a session in memory.
 */
final class ScreenThreadCheck {
    private static final String WORK = ClassDesc.of(Tasks.Work.class.getName()).descriptorString();
    private static final String LAMBDA_FACTORY = "java/lang/invoke/LambdaMetafactory";

    /** A method: its class (internal name), name and descriptor. */
    record Method(String owner, String name, String descriptor) {
        @Override
        public String toString() {
            return owner.substring(owner.lastIndexOf('/') + 1) + "." + name;
        }
    }

    /** A call on the JavaFX thread to something that may wait. */
    record Violation(Method in, int line, String calls) {
        @Override
        public String toString() {
            return in.owner().replace('/', '.') + " line " + line + " (" + in.name() + ") calls " + calls;
        }
    }

    private record Call(Method target, int line) {
    }

    private record Lambda(Method body, boolean work) {
    }

    private record Body(boolean reachableFromOutside, List<Call> calls, List<Lambda> lambdas) {
    }

    private final Map<Method, Body> bodies = new HashMap<>();
    private final Set<Method> launchers;
    private final Predicate<String> mayWaitClass;
    private boolean workRunsElsewhere = true;

    /**
     * {@code launchers}: methods that run on another thread but start JavaFX code (the app's {@code run}); their
     * own body is not checked, the lambdas they create are.
     */
    ScreenThreadCheck(Set<Method> launchers, Predicate<String> mayWaitClass) {
        this.launchers = launchers;
        this.mayWaitClass = mayWaitClass;
    }

    /** Counts work given to {@link Tasks} as screen code too: shows what the rule keeps off the JavaFX thread. */
    ScreenThreadCheck treatingWorkAsScreenCode() {
        workRunsElsewhere = false;
        return this;
    }

    /** The compiled classes under {@code root} (a folder of the class path) whose path starts with {@code prefix}. */
    static List<Path> classes(Path root, String prefix) {
        try (Stream<Path> files = Files.walk(root.resolve(prefix))) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScreenThreadCheck read(List<Path> classFiles) {
        for (Path file : classFiles) {
            try {
                read(ClassFile.of().parse(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    private void read(ClassModel type) {
        String owner = type.thisClass().asInternalName();
        for (MethodModel method : type.methods()) {
            Method self = new Method(owner, method.methodName().stringValue(), method.methodTypeSymbol().descriptorString());
            List<Call> calls = new ArrayList<>();
            List<Lambda> lambdas = new ArrayList<>();
            method.code().ifPresent(code -> {
                int line = 0;
                for (CodeElement element : code) {
                    switch (element) {
                        case LineNumber number -> line = number.line();
                        case InvokeInstruction call -> calls.add(new Call(new Method(call.owner().asInternalName(),
                                call.name().stringValue(), call.typeSymbol().descriptorString()), line));
                        case InvokeDynamicInstruction indy when indy.bootstrapMethod().owner().descriptorString()
                                .equals("L" + LAMBDA_FACTORY + ";") -> {
                            DirectMethodHandleDesc target = (DirectMethodHandleDesc) indy.bootstrapArgs().get(1);
                            Method body = new Method(internal(target.owner()), target.methodName(), target.lookupDescriptor());
                            lambdas.add(new Lambda(body, workRunsElsewhere
                                    && indy.typeSymbol().returnType().descriptorString().equals(WORK)));
                            // a method reference to another class's method is a call made where the function runs
                            calls.add(new Call(body, line));
                        }
                        default -> { }
                    }
                }
            });
            bodies.put(self, new Body(!method.flags().has(AccessFlag.PRIVATE), calls, lambdas));
        }
    }

    /** Every call to something that may wait, made by code that runs on the JavaFX thread. */
    List<Violation> violations() {
        Set<Method> onScreenThread = onScreenThread();
        List<Violation> found = new ArrayList<>();
        for (Method method : onScreenThread) {
            Body body = bodies.get(method);
            Set<Method> workBodies = new HashSet<>();
            body.lambdas().stream().filter(Lambda::work).forEach(l -> workBodies.add(l.body()));
            for (Call call : body.calls()) {
                if (workBodies.contains(call.target())) {
                    continue; // a method reference given to Tasks: it runs on the counter thread
                }
                String why = mayWait(call.target());
                if (why != null) {
                    found.add(new Violation(method, call.line(), why));
                }
            }
        }
        found.sort(java.util.Comparator.comparing(Violation::toString));
        return found;
    }

    /** The methods that may run on the JavaFX thread: from every entry point, along calls and non-work lambdas. */
    Set<Method> onScreenThread() {
        Set<Method> reached = new HashSet<>();
        Deque<Method> next = new ArrayDeque<>();
        bodies.forEach((method, body) -> {
            if (launchers.contains(method)) {
                body.lambdas().stream().filter(l -> !l.work()).forEach(l -> next.add(l.body()));
            } else if (body.reachableFromOutside()) {
                next.add(method);
            }
        });
        while (!next.isEmpty()) {
            Method method = next.pop();
            Body body = bodies.get(method);
            if (body == null || !reached.add(method)) {
                continue;
            }
            Set<Method> workBodies = new HashSet<>();
            body.lambdas().forEach(l -> {
                if (l.work()) {
                    workBodies.add(l.body());
                } else {
                    next.add(l.body());
                }
            });
            body.calls().stream().map(Call::target).filter(t -> !workBodies.contains(t)).forEach(next::add);
        }
        return reached;
    }

    private String mayWait(Method target) {
        String owner = target.owner();
        String call = owner.replace('/', '.') + "." + target.name();
        if (owner.startsWith("io/chainpos/till/") && !owner.startsWith("io/chainpos/till/ui/")) {
            return mayWaitClass.test(owner) ? call : null;
        }
        if (owner.equals("io/chainpos/till/ui/TillStartup")) {
            return call;
        }
        if (owner.startsWith("java/io/File") || owner.equals("java/io/RandomAccessFile") || owner.startsWith("java/nio/file/")
                || owner.startsWith("java/nio/channels/") || owner.startsWith("java/sql/") || owner.startsWith("okhttp3/")
                || owner.startsWith("org/sqlite/") || owner.startsWith("org/jdbi/") || owner.startsWith("com/fazecast/")
                || (owner.startsWith("java/net/") && !owner.equals("java/net/URI")
                        && !(owner.equals("java/net/URL") && target.name().equals("toExternalForm")))) {
            return call;
        }
        boolean waits = switch (owner) {
            case "java/lang/Thread" -> target.name().equals("sleep") || target.name().equals("join");
            case "java/lang/Object" -> target.name().equals("wait");
            case "java/util/concurrent/Future", "java/util/concurrent/CompletableFuture",
                 "java/util/concurrent/FutureTask" -> target.name().equals("get") || target.name().equals("join");
            case "java/util/concurrent/CountDownLatch", "java/util/concurrent/CyclicBarrier" -> target.name().equals("await");
            case "java/util/concurrent/Semaphore" -> target.name().startsWith("acquire");
            case "java/util/concurrent/BlockingQueue", "java/util/concurrent/LinkedBlockingQueue",
                 "java/util/concurrent/ArrayBlockingQueue" -> target.name().equals("take") || target.name().equals("put");
            case "java/util/concurrent/ExecutorService" -> target.name().equals("awaitTermination")
                    || target.name().startsWith("invoke");
            case "java/util/concurrent/locks/Lock", "java/util/concurrent/locks/ReentrantLock" ->
                    target.name().startsWith("lock");
            default -> false;
        };
        return waits ? call : null;
    }

    private static String internal(ClassDesc type) {
        String descriptor = type.descriptorString();
        return descriptor.substring(1, descriptor.length() - 1);
    }
}
