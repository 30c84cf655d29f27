namespace MailLab.Protocol.Pop3;

/// <summary>The states in which a command may be given.</summary>
[Flags]
internal enum Pop3CommandStates
{
    None = 0,
    Authorization = 1,
    Transaction = 2,
    Both = Authorization | Transaction,
}
