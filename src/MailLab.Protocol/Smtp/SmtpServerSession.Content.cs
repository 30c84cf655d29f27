namespace MailLab.Protocol.Smtp;

/// <summary>Message content: DATA (RFC 5321 §4.1.1.4) and BDAT chunks (RFC 3030).</summary>
public sealed partial class SmtpServerSession
{
    private long _chunkRemaining;
    private long _chunkSize;
    private bool _chunkIsLast;
    private SmtpReply? _bdatFailure;

    /// <summary>
    /// How many octets are kept: a message over the message size or over what is left of the
    /// session size is read to its end but not stored, because it will be refused anyway.
    /// </summary>
    private long StoreLimit
    {
        get
        {
            var limit = _options.MaxMessageSize > 0 ? _options.MaxMessageSize : long.MaxValue;
            if (_options.MaxSessionSize > 0)
            {
                limit = Math.Min(limit, Math.Max(0, _options.MaxSessionSize - Context.SessionBytes));
            }

            return limit;
        }
    }

    /// <summary>Octets of message content received so far: of the DATA content after unstuffing, or of the current BDAT chunk.</summary>
    public long ContentReceived => _mode switch
    {
        Mode.Data => _data.ContentLength,
        Mode.Bdat => _chunkSize - _chunkRemaining,
        _ => 0,
    };

    /// <summary>
    /// Consumes input as <see cref="Receive"/> does, but stops where message content begins (after
    /// the DATA command that got 354, or after a BDAT command line), so that a transport can handle
    /// the content on its own. Returns how many bytes were consumed.
    /// </summary>
    public int ReceiveUntilContent(ReadOnlySpan<byte> input)
    {
        var pos = 0;
        while (pos < input.Length && PendingAction == SmtpSessionAction.None && !IsReceivingContent)
        {
            pos += ReceiveLine(input[pos..]);
        }

        return pos;
    }

    /// <summary>
    /// For a connection cut in the middle of a message (fault injection): how many of these content
    /// octets can be received without finishing the content, about half of them. A DATA stream is
    /// cut before any dot at a line start, since <c>&lt;CRLF&gt;.&lt;CRLF&gt;</c> would end it
    /// (RFC 5321 §4.1.1.4); a BDAT chunk before its last octet.
    /// </summary>
    public int PartOfContent(ReadOnlySpan<byte> input)
    {
        var part = input.Length / 2;
        if (_mode == Mode.Bdat)
        {
            return (int)Math.Min(part, Math.Max(0, _chunkRemaining - 1));
        }

        for (var i = 0; i < part; i++)
        {
            if (input[i] == (byte)'.' && (i == 0 || input[i - 1] == (byte)'\n'))
            {
                return i;
            }
        }

        return part;
    }

    private int ReceiveData(ReadOnlySpan<byte> input)
    {
        var (consumed, complete) = _data.Feed(input, _content, StoreLimit);
        if (complete)
        {
            _observer?.OnClientData(_data.ContentLength);
            FinishMessage(_data.ContentLength, _data.LongestLine);
        }

        return consumed;
    }

    private void Bdat(string argument)
    {
        var parts = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2
            || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, null, out var size)
            || (parts.Length == 2 && !parts[1].Equals("LAST", StringComparison.OrdinalIgnoreCase)))
        {
            // RFC 3030 §2: without a valid size the chunk cannot be skipped; what follows is read as commands.
            Reply(SmtpReplies.BadBdat);
            return;
        }

        _chunkSize = size;
        _chunkRemaining = size;
        _chunkIsLast = parts.Length == 2;

        // RFC 3030 §2: the chunk is consumed even when the command fails; the reply follows it.
        _bdatFailure ??= SmtpCommandTable.Bdat.SequenceRefusal(Conditions);
        if (_bdatFailure is null && !_usedBdat)
        {
            _content.Clear();
        }

        _usedBdat = true;
        _mode = Mode.Bdat;
        if (_chunkRemaining == 0)
        {
            FinishChunk();
        }
    }

    private int ReceiveChunk(ReadOnlySpan<byte> input)
    {
        var take = (int)Math.Min(input.Length, _chunkRemaining);
        if (_bdatFailure is null && _content.Count + take <= StoreLimit)
        {
            _content.Write(input[..take]);
        }
        else if (_bdatFailure is null)
        {
            _bdatFailure = _options.MaxMessageSize > 0 && _content.Count + take > _options.MaxMessageSize
                ? SmtpReplies.MessageTooBig
                : SmtpReplies.SessionTooBig;
        }

        _chunkRemaining -= take;
        if (_chunkRemaining == 0)
        {
            FinishChunk();
        }

        return take;
    }

    private void FinishChunk()
    {
        _observer?.OnClientData(_chunkSize);
        _mode = Mode.Command;
        if (_bdatFailure is not null)
        {
            // A failed BDAT ends the transaction (RFC 3030 §2). Chunks the client had already
            // pipelined are still consumed and get 503 because no MAIL is in effect; nothing of the
            // failed transaction may outlive it, or a new MAIL could never use DATA or BDAT again.
            var failure = _bdatFailure;
            ResetTransaction();
            Reply(failure);
            return;
        }

        if (_chunkIsLast)
        {
            FinishMessage(_content.Count, longestLine: 0);
            return;
        }

        Reply(SmtpReplies.ChunkReceived(_chunkSize));
    }
}
