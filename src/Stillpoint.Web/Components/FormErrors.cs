using Microsoft.AspNetCore.Components.Forms;
using Stillpoint.Core.Common;

namespace Stillpoint.Web.Components;

/// <summary>Shows the same field errors the API returns beside the matching form fields.</summary>
internal static class FormErrors
{
    public static void Show(EditContext context, ValidationMessageStore store, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(errors);
        store.Clear();
        foreach (var (field, messages) in errors)
        {
            // API field names are camelCase; the form's properties are the same names in PascalCase.
            var property = field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];
            store.Add(context.Field(property), messages);
        }

        context.NotifyValidationStateChanged();
    }

    public static void Show(EditContext context, ValidationMessageStore store, ValidationErrors errors) =>
        Show(context, store, errors.ToDictionary());
}
