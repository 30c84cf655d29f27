using MimeKit;

namespace MailLab.Protocol.Imap.Mime;

/// <summary>
/// BODY and BODYSTRUCTURE (RFC 9051 §7.5.2) from MimeKit's parse: types, parameters, id,
/// description, encoding, size in octets and lines of each part as stored; BODYSTRUCTURE adds the
/// extension data (MD5, disposition, language, location).
/// </summary>
internal static class BodyStructureWriter
{
    public static void Write(ImapResponseBuilder w, ParsedMessage parsed, MimeEntity entity, bool extensible, bool utf8)
    {
        if (entity is Multipart multipart)
        {
            w.Append("(");
            if (multipart.Count == 0)
            {
                // An empty multipart still needs one body (RFC 9051 §9 body-type-mpart = 1*body): give an empty text/plain.
                w.Append("(\"text\" \"plain\" NIL NIL NIL \"7bit\" 0 0)");
            }

            foreach (var child in multipart)
            {
                Write(w, parsed, child, extensible, utf8);
            }

            w.Append(" ").AppendString(multipart.ContentType.MediaSubtype.ToLowerInvariant());
            if (extensible)
            {
                w.Append(" ");
                Parameters(w, multipart.ContentType.Parameters);
                w.Append(" ");
                Extension(w, entity);
            }

            w.Append(")");
            return;
        }

        var type = entity.ContentType;
        var range = parsed.RangeOf(entity);
        w.Append("(").AppendString(type.MediaType.ToLowerInvariant()).Append(" ").AppendString(type.MediaSubtype.ToLowerInvariant()).Append(" ");
        Parameters(w, type.Parameters);
        w.Append(" ").AppendNString(EnvelopeWriter.Raw(entity.Headers, HeaderId.ContentId));
        w.Append(" ").AppendNString(EnvelopeWriter.Raw(entity.Headers, HeaderId.ContentDescription));
        w.Append(" ").AppendString((EnvelopeWriter.Raw(entity.Headers, HeaderId.ContentTransferEncoding) ?? "7bit").ToLowerInvariant());
        w.Append(" ").Append(Math.Max(0, range.End - range.HeadersEnd));
        if (entity is MessagePart { Message: { } embedded } && type.IsMimeType("message", "rfc822"))
        {
            w.Append(" ");
            EnvelopeWriter.Write(w, embedded, utf8);
            w.Append(" ");
            Write(w, parsed, embedded.Body ?? new TextPart("plain"), extensible, utf8);
            w.Append(" ").Append(range.Lines);
        }
        else if (type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            w.Append(" ").Append(range.Lines);
        }

        if (extensible)
        {
            w.Append(" ").AppendNString(EnvelopeWriter.Raw(entity.Headers, HeaderId.ContentMd5)).Append(" ");
            Extension(w, entity);
        }

        w.Append(")");
    }

    /// <summary>body-fld-dsp SP body-fld-lang SP body-fld-loc.</summary>
    private static void Extension(ImapResponseBuilder w, MimeEntity entity)
    {
        if (entity.ContentDisposition is { } disposition)
        {
            w.Append("(").AppendString(disposition.Disposition.ToLowerInvariant()).Append(" ");
            Parameters(w, disposition.Parameters);
            w.Append(")");
        }
        else
        {
            w.Append("NIL");
        }

        var language = EnvelopeWriter.Raw(entity.Headers, HeaderId.ContentLanguage);
        w.Append(" ");
        if (language is null)
        {
            w.Append("NIL");
        }
        else
        {
            var tags = language.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (tags.Length == 1)
            {
                w.AppendString(tags[0]);
            }
            else
            {
                w.Append("(");
                for (var i = 0; i < tags.Length; i++)
                {
                    w.Append(i > 0 ? " " : string.Empty).AppendString(tags[i]);
                }

                w.Append(")");
            }
        }

        w.Append(" ").AppendNString(EnvelopeWriter.Raw(entity.Headers, HeaderId.ContentLocation));
    }

    private static void Parameters(ImapResponseBuilder w, ParameterList parameters)
    {
        if (parameters.Count == 0)
        {
            w.Append("NIL");
            return;
        }

        w.Append("(");
        var first = true;
        foreach (var p in parameters)
        {
            w.Append(first ? string.Empty : " ").AppendString(p.Name.ToLowerInvariant()).Append(" ").AppendString(p.Value ?? string.Empty);
            first = false;
        }

        w.Append(")");
    }
}
