package io.chainpos.till.cli;

import static io.chainpos.till.cli.CommandLineTill.arg;

import io.chainpos.till.TillWords;
import io.chainpos.till.member.EraseMember;
import io.chainpos.till.member.FindMember;
import io.chainpos.till.member.ImportMembers;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.MemberDesk;
import io.chainpos.till.member.MemberHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The command line's member commands: find (phone, card or QR), history, erasure, import. */
final class MemberCommands {

    private final MemberDesk desk;
    private final PrintStream out;
    private final TillWords speech;

    MemberCommands(MemberDesk desk, PrintStream out, TillWords speech) {
        this.desk = desk;
        this.out = out;
        this.speech = speech;
    }

    /** The member the text names, or empty after telling the cashier why not. */
    Optional<Member> find(String text) {
        return switch (desk.find().find(text)) {
            case FindMember.Found found -> Optional.of(found.member());
            case FindMember.Several several -> {
                out.println(several.members().size() + " members share this phone (registered at different stores; "
                        + "head office merges them): the oldest is used");
                yield Optional.of(several.members().getFirst());
            }
            case FindMember.NotFound notFound -> {
                out.println(speech.say(notFound.reason()));
                yield Optional.empty();
            }
            case FindMember.BadCode bad -> {
                out.println(speech.say(bad.reason()));
                yield Optional.empty();
            }
        };
    }

    void history(String[] words) {
        find(arg(words, 1, "history needs a phone, card or member QR")).ifPresent(member -> {
            MemberHistory.Result result = desk.history().of(member.memberId());
            switch (result) {
                case MemberHistory.FromServer server -> out.println("history from every store (server):");
                case MemberHistory.FromThisTill local -> out.println("history this till knows: " + speech.say(local.why()));
                case MemberHistory.UnknownMember unknown -> out.println("no history for this member");
            }
            result.entries().forEach(e -> out.printf("  %s  %-6s %-20s %s%n", e.occurredAt(), e.storeId(), e.type(), e.fields()));
        });
    }

    void erase(String[] words, String cashier) {
        String pin = arg(words, 2, "erase needs the member and the owner's PIN");
        find(arg(words, 1, "erase needs a phone or card")).ifPresent(member -> {
            switch (desk.erase().erase(member.memberId(), pin, cashier)) {
                case EraseMember.Erased erased -> out.println("personal data erased (" + erased.memberIds().size()
                        + " member id(s)); points and sales stay");
                case EraseMember.Refused refused -> out.println(speech.say(refused.reason()));
                case EraseMember.UnknownMember unknown -> out.println("no such member");
            }
        });
    }

    void importMembers(String[] words) {
        Path file = Path.of(arg(words, 2, "import members needs a CSV file"));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ImportMembers.Report report = desk.importMembers().importCsv(reader);
            out.println(report.imported() + " members imported, " + report.rejected().size() + " rows refused");
            report.rejected().forEach(r -> out.println("  line " + r.line() + ": " + speech.say(r.reason())));
        } catch (IOException e) {
            out.println("cannot read " + file + ": " + e.getMessage());
        }
    }
}
