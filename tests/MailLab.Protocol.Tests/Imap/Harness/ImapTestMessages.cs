namespace MailLab.Protocol.Tests.Imap.Harness;

/// <summary>The fixture's messages (CRLF line ends are applied when stored).</summary>
internal static class ImapTestMessages
{
    public static DateTimeOffset Date(int day) => new(2024, 1, day, 10, 0, 0, TimeSpan.FromHours(3));

    public const string Plain = """
        From: Bob Example <bob@example.com>
        To: alice@maillab.test
        Subject: Lunch
        Date: Mon, 1 Jan 2024 10:00:00 +0300
        Message-ID: <lunch@example.com>

        Shall we have lunch at noon?
        """;

    public const string Multipart = """
        From: carol@example.com
        To: alice@maillab.test, "Dave D." <dave@example.com>
        Cc: team: erin@example.com, frank@example.com;
        Subject: Report
        Date: Tue, 2 Jan 2024 11:00:00 +0000
        Message-ID: <report@example.com>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        See the attached report.
        --b1
        Content-Type: application/octet-stream; name="r.bin"
        Content-Disposition: attachment; filename="r.bin"
        Content-Transfer-Encoding: base64

        AAECAwQ=
        --b1--
        """;

    public const string Encoded = """
        From: =?utf-8?B?0JjQstCw0L0=?= <ivan@example.ru>
        To: alice@maillab.test
        Subject: =?utf-8?B?0J/RgNC40LLQtdGC?=
        Date: Wed, 3 Jan 2024 12:00:00 +0300
        Message-ID: <privet@example.ru>
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        =D0=9F=D1=80=D0=B8=D0=B2=D0=B5=D1=82 quarterly
        """;
}
