using System.Text.Json;
using System.Text.Json.Serialization;
using Samverkan.SharedKernel.Identity;

namespace Samverkan.ServiceCore.Json;

// Stored as its 12 digits; validated again when read, so a corrupted document fails loudly.
public sealed class PersonalIdentityNumberJsonConverter : JsonConverter<PersonalIdentityNumber>
{
    public override PersonalIdentityNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PersonalIdentityNumber.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, PersonalIdentityNumber value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
