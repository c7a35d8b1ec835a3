import { useId, useState } from 'react';
import { readTheme, saveTheme, THEME_LABELS, THEMES, type Theme } from '@/lib/theme';

/** Theme picker: follows the system by default, remembers an explicit choice. */
export function ThemeSwitcher() {
  const id = useId();
  const [theme, setTheme] = useState<Theme>(() => readTheme());
  return (
    <div className="theme-switcher">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={theme}
        onChange={(event) => {
          const next = event.target.value as Theme;
          setTheme(next);
          saveTheme(next);
        }}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {THEME_LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
