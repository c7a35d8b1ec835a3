import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { applyTheme, readTheme } from '@/lib/theme';
import { ThemeSwitcher } from './ThemeSwitcher';

describe('the theme switcher', () => {
  it('follows the system by default', () => {
    render(<ThemeSwitcher />);
    expect(screen.getByLabelText('Theme')).toHaveValue('system');
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });

  it('pins and remembers a chosen theme, and can go back to the system setting', async () => {
    render(<ThemeSwitcher />);
    await userEvent.selectOptions(screen.getByLabelText('Theme'), 'contrast');
    expect(document.documentElement).toHaveAttribute('data-theme', 'contrast');
    expect(readTheme()).toBe('contrast');
    await userEvent.selectOptions(screen.getByLabelText('Theme'), 'system');
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });

  it('ignores junk in storage', () => {
    window.localStorage.setItem('stagecall.theme', 'neon');
    expect(readTheme()).toBe('system');
    applyTheme(readTheme());
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });
});
