namespace Realtime.BrowserTests.Infrastructure;

/// <summary>Moving through a page with the Tab key only, as a keyboard or switch user does.</summary>
public static class Keyboard
{
    /// <summary>Where the focus is now, and whether a person can see it (an outline or ring on it, its label or its card).</summary>
    private const string FocusScript =
        """
        () => {
          const a = document.activeElement;
          if (!a || a === document.body) return { visible: true, name: "body" };
          const ring = (node) => {
            if (!node) return false;
            const s = getComputedStyle(node);
            return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
          };
          // A visually hidden radio shows its focus on its label; a card link on the card around it; the media player
          // (whose own controls take the focus) on its box.
          const shown = ring(a) || (a.matches(".visually-hidden, input[type=radio], input[type=checkbox]") && ring(a.nextElementSibling))
            || ring(a.closest(".card, .media-box"));
          return { visible: shown, name: a.tagName.toLowerCase() + (a.id ? "#" + a.id : "") + (a.className ? "." + String(a.className).split(" ").join(".") : "") };
        }
        """;

    private sealed class Focus
    {
        public bool Visible { get; set; }
        public string Name { get; set; } = "";
    }

    /// <summary>
    /// Presses Tab (or Shift+Tab) until an element matching the CSS selector has the focus; every element passed on the
    /// way must show that it has the focus. Fails when the element is not reached within max presses.
    /// </summary>
    public static async Task TabToAsync(this BrowserUser user, string selector, int max = 80, bool backwards = false)
    {
        var page = user.Page;
        var passed = new List<string>();
        for (var i = 0; i < max; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focus = await page.EvaluateAsync<Focus>(FocusScript);
            passed.Add(focus.Name);
            Assert.True(focus.Visible, $"{focus.Name} has the keyboard focus but does not show it (on {page.Url})");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
                return;
        }
        Assert.Fail($"{selector} was not reached with {max} presses of Tab; passed {string.Join(" → ", passed)}");
    }
}
