using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MailLab.Mail.Topology;

/// <summary>
/// YamlDotNet's parser with <see cref="TopologyLimits"/> applied to its event stream as
/// <see cref="YamlDotNet.RepresentationModel.YamlStream"/> pulls it: the load stops at the first
/// list or mapping nested deeper than <see cref="TopologyLimits.MaxDepth"/>, before the recursive
/// tree builder goes down another level, and at the first value longer than
/// <see cref="TopologyLimits.MaxValueLength"/>, and past <see cref="TopologyLimits.MaxNodes"/>.
/// Each is reported at its line and column.
/// </summary>
internal sealed class BoundedYamlParser(TextReader input, string sourceName) : IParser
{
    private readonly Parser _parser = new(input);
    private int _depth;
    private int _nodes;

    public ParsingEvent? Current => _parser.Current;

    public bool MoveNext()
    {
        if (!_parser.MoveNext())
        {
            return false;
        }

        if (_parser.Current is NodeEvent or AnchorAlias && ++_nodes > TopologyLimits.MaxNodes)
        {
            throw Refused(_parser.Current.Start, $"more than {TopologyLimits.MaxNodes} values, lists and mappings; a topology file holds at most that many");
        }

        switch (_parser.Current)
        {
            case SequenceStart or MappingStart when ++_depth > TopologyLimits.MaxDepth:
                throw Refused(_parser.Current.Start,
                    $"lists and mappings are nested more than {TopologyLimits.MaxDepth} deep here; a topology needs at most 9 levels (check the brackets)");
            case SequenceEnd or MappingEnd:
                _depth--;
                break;
            case Scalar { Value.Length: > TopologyLimits.MaxValueLength } scalar:
                throw Refused(scalar.Start,
                    $"a value of {scalar.Value.Length} characters; a value in a topology file is at most {TopologyLimits.MaxValueLength}");
        }

        return true;
    }

    private TopologyException Refused(Mark at, string reason) =>
        new([new TopologyError(sourceName, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), "", reason)]);
}
