using System.Globalization;
using MailLab.Protocol.Imap.Backend;
using MailLab.Protocol.Imap.Mime;
using MailLab.Protocol.Imap.Parsing;
using MimeKit;

namespace MailLab.Protocol.Imap;

/// <summary>FETCH (RFC 9051 §6.4.5) with BINARY (RFC 3516), MODSEQ/CHANGEDSINCE (RFC 7162 §3.1.4) and VANISHED (§3.2.6).</summary>
public sealed partial class ImapServerSession
{
    internal void Fetch(string tag, ImapReader r, bool uid)
    {
        r.Space();
        var set = r.ReadSequenceSet();
        r.Space();
        var request = FetchParser.Parse(r);
        if (request.Vanished && (!uid || !QResync || request.ChangedSince is null))
        {
            // RFC 7162 §3.2.6: VANISHED only in UID FETCH, with CHANGEDSINCE, after ENABLE QRESYNC.
            throw new ImapSyntaxException("VANISHED needs UID FETCH, CHANGEDSINCE and ENABLE QRESYNC");
        }

        var items = request.Items.ToList();
        if (request.ChangedSince is not null || items.Any(i => i.Kind == FetchKind.ModSeq))
        {
            EnableCondStoreByCommand();
            if (!items.Any(i => i.Kind == FetchKind.ModSeq))
            {
                items.Add(new FetchItem(FetchKind.ModSeq));
            }
        }

        var messages = Resolve(set, uid);
        if (request.Vanished && !set.IsSaved)
        {
            var present = _messages.Select(m => m.Uid).ToHashSet();
            var limit = _folder!.UidNext == 0 ? 0 : _folder.UidNext - 1;
            var vanished = new List<uint>();
            foreach (var range in set.Ranges)
            {
                var (first, last) = range.Resolve(limit);
                for (var u = Math.Max(first, 1u); u <= Math.Min(last, limit) && vanished.Count < 100_000; u++)
                {
                    if (!present.Contains(u))
                    {
                        vanished.Add(u);
                    }
                }
            }

            if (vanished.Count > 0)
            {
                WriteLine("* VANISHED (EARLIER) " + SequenceSet.Format(vanished));
            }
        }

        var setsSeen = !_readOnly && items.Any(i => i.SetsSeen);
        foreach (var message in messages)
        {
            if (request.ChangedSince is { } since && message.ModSeq <= since)
            {
                continue;
            }

            var flagsAdded = false;
            if (setsSeen && !message.Expunged && !message.HasFlag(@"\Seen"))
            {
                // RFC 9051 §6.4.5: BODY[…] without .PEEK sets \Seen; the FETCH then reports the new FLAGS.
                var stored = _folder!.StoreFlags([message.Uid], ImapStoreMode.Add, [@"\Seen"], null);
                foreach (var updated in stored.Updated)
                {
                    message.Update(updated);
                }

                flagsAdded = !items.Any(i => i.Kind == FetchKind.Flags);
            }

            WriteFetch(message, items, uid, flagsAdded);
        }

        Done(tag, uid ? "UID FETCH" : "FETCH", allowExpunge: uid);
    }

    private void WriteFetch(SessionMessage message, IReadOnlyList<FetchItem> items, bool uid, bool addFlags)
    {
        AnnounceKeywords(message);
        var w = Response().Append("* ").Append(SequenceOf(message)).Append(" FETCH (");
        var first = true;
        void Next()
        {
            if (!first)
            {
                w.Append(" ");
            }

            first = false;
        }

        if (uid && !items.Any(i => i.Kind == FetchKind.Uid))
        {
            // RFC 9051 §6.4.8: UID FETCH always returns the UID.
            Next();
            w.Append("UID ").Append(message.Uid);
        }

        foreach (var item in items)
        {
            Next();
            WriteItem(w, message, item);
        }

        if (addFlags)
        {
            Next();
            AppendFlags(w, message);
        }

        End(w.Append(")"));
    }

    private void WriteItem(ImapResponseBuilder w, SessionMessage message, FetchItem item)
    {
        switch (item.Kind)
        {
            case FetchKind.Uid:
                w.Append("UID ").Append(message.Uid);
                break;
            case FetchKind.Flags:
                AppendFlags(w, message);
                break;
            case FetchKind.InternalDate:
                w.Append("INTERNALDATE \"").Append(FormatDateTime(message.InternalDate)).Append("\"");
                break;
            case FetchKind.Rfc822Size:
                w.Append("RFC822.SIZE ").Append(message.Size);
                break;
            case FetchKind.ModSeq:
                w.Append("MODSEQ (").Append(message.ModSeq).Append(")");
                break;
            case FetchKind.Envelope:
                w.Append("ENVELOPE ");
                EnvelopeWriter.Write(w, message.Parsed.Message, Utf8Names);
                break;
            case FetchKind.Body or FetchKind.BodyStructure:
                w.Append(item.Kind == FetchKind.Body ? "BODY " : "BODYSTRUCTURE ");
                BodyStructureWriter.Write(w, message.Parsed, message.Parsed.Message.Body ?? new TextPart("plain"), item.Kind == FetchKind.BodyStructure, Utf8Names);
                break;
            case FetchKind.Rfc822:
                Body(w, message, "RFC822", message.Parsed.Section(SectionSpec.Whole), null, "RFC822");
                break;
            case FetchKind.Rfc822Header:
                Body(w, message, "RFC822.HEADER", message.Parsed.Section(new SectionSpec([], SectionText.Header, [])), null, "RFC822.HEADER");
                break;
            case FetchKind.Rfc822Text:
                Body(w, message, "RFC822.TEXT", message.Parsed.Section(new SectionSpec([], SectionText.Text, [])), null, "RFC822.TEXT");
                break;
            case FetchKind.BodySection:
                var section = item.Section.ToString();
                Body(w, message, $"BODY[{section}]", message.Parsed.Section(item.Section), item.Partial, $"BODY[{section}]");
                break;
            case FetchKind.BinarySection:
                var part = string.Join('.', item.Section.Part);
                var decoded = Decoded(message, item.Section.Part);
                Body(w, message, $"BINARY[{part}]", decoded, item.Partial, $"BINARY[{part}]", binary: true);
                break;
            case FetchKind.BinarySize:
                var size = Decoded(message, item.Section.Part);
                w.Append("BINARY.SIZE[").Append(string.Join('.', item.Section.Part)).Append("] ");
                if (size is { } s)
                {
                    w.Append(s.Length);
                }
                else
                {
                    w.Append("NIL");
                }

                break;
        }
    }

    /// <summary>A body item: the name, the origin of a partial (RFC 9051 §6.4.5 "BODY[]&lt;0&gt;"), and the octets as a literal (NIL for a part that does not exist).</summary>
    private void Body(ImapResponseBuilder w, SessionMessage message, string name, ReadOnlyMemory<byte>? data, (long Start, long Length)? partial, string section, bool binary = false)
    {
        w.Append(name);
        if (data is not { } bytes)
        {
            w.Append(" NIL");
            return;
        }

        if (partial is { } p)
        {
            w.Append("<").Append(p.Start).Append(">");
            var start = (int)Math.Min(p.Start, bytes.Length);
            var length = (int)Math.Min(p.Length, bytes.Length - start);
            bytes = bytes.Slice(start, length);
        }

        w.Append(" ");
        // RFC 3516 §4.2: BINARY content with NUL goes as literal8.
        w.AppendLiteral(bytes.Span, binary && bytes.Span.IndexOf((byte)0) >= 0);
        _observer?.OnFetchBody(_folderName!, message.Uid, section, bytes.Length);
    }

    /// <summary>The decoded content of a part for BINARY (RFC 3516 §4.2); the whole message for BINARY[]; null when there is no such leaf part.</summary>
    private static ReadOnlyMemory<byte>? Decoded(SessionMessage message, IReadOnlyList<int> part)
    {
        if (part.Count == 0)
        {
            return message.Content;
        }

        var entity = message.Parsed.Entity(part);
        switch (entity)
        {
            case MimePart { Content: { Encoding: ContentEncoding.QuotedPrintable } qp }:
                return QuotedPrintableBody.Decode(qp);
            case MimePart { Content: { } content }:
                using (var stream = new MemoryStream())
                {
                    content.DecodeTo(stream);
                    return stream.ToArray();
                }

            case MimePart:
                return Array.Empty<byte>();
            case MessagePart or Multipart when entity is not null:
                return message.Parsed.BodyOf(entity);
            default:
                return null;
        }
    }

    /// <summary>date-time = "dd-MMM-yyyy HH:mm:ss +zzzz" with a space-padded day (RFC 9051 §9).</summary>
    internal static string FormatDateTime(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        var day = value.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2, ' ');
        return day + value.ToString("-MMM-yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture) + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }
}
