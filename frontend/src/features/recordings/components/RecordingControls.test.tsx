import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeJitsi } from '@/test/fake-jitsi';
import { RecordingControls } from './RecordingControls';

function room() {
  return new FakeJitsi('meet.example.test', { roomName: 'r', jwt: 'j', parentNode: document.createElement('div') });
}

describe('RecordingControls', () => {
  it('starts a file recording through the external API and follows recordingStatusChanged', async () => {
    const api = room();
    render(<RecordingControls api={api} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start recording' }));
    expect(api.commands).toEqual([['startRecording', { mode: 'file' }]]);
    expect(screen.getByRole('button', { name: 'Start recording' })).toBeDisabled(); // until Jitsi confirms

    act(() => api.emit('recordingStatusChanged', { on: true, mode: 'file' }));
    expect(screen.getByRole('button', { name: 'Stop recording' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('● REC')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Stop recording' }));
    expect(api.commands.at(-1)).toEqual(['stopRecording', 'file']);
    act(() => api.emit('recordingStatusChanged', { on: false, mode: 'file' }));
    expect(screen.getByRole('button', { name: 'Start recording' })).toBeEnabled();
    expect(screen.getByRole('status')).toHaveTextContent(/stopped/);
  });

  it('reports a failure (no recorder free) and offers Start again', async () => {
    const api = room();
    render(<RecordingControls api={api} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start recording' }));
    act(() => api.emit('recordingStatusChanged', { on: false, mode: 'file', error: 'service-unavailable' }));
    expect(screen.getByRole('status')).toHaveTextContent('Recording failed: service-unavailable.');
    expect(screen.getByRole('button', { name: 'Start recording' })).toBeEnabled();
  });

  it('ignores live-streaming status and is disabled until the meeting exists', () => {
    const api = room();
    const { rerender } = render(<RecordingControls api={null} />);
    expect(screen.getByRole('button', { name: 'Start recording' })).toBeDisabled();
    rerender(<RecordingControls api={api} />);
    act(() => api.emit('recordingStatusChanged', { on: true, mode: 'stream' }));
    expect(screen.getByRole('button', { name: 'Start recording' })).toBeEnabled();
  });
});
