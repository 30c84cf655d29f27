#!/usr/bin/env python3
"""Runs an installed `maillab` tool as a user would: `maillab up --catch-all --any-port --api-port 0`,
waits for its ready line, sends one message with smtplib to a made-up address, long-polls the API for
it, and stops the tool with Ctrl-C (SIGINT). Exits non-zero if any step fails, so a broken tool package
fails CI. With --runs N it starts the tool N times and prints each start-to-ready time (the figure of
bench/MailLab.Bench/README.md). The standard library only."""
import argparse, json, re, signal, smtplib, statistics, subprocess, sys, time, urllib.request

READY = "Press Ctrl-C to stop."

def run_once(maillab, send):
    started = time.perf_counter()
    tool = subprocess.Popen([maillab, "up", "--catch-all", "--any-port", "--api-port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    output = []
    try:
        for line in tool.stdout:
            output.append(line)
            if line.strip() == READY:
                break
        else:
            raise SystemExit("maillab exited before its ready line:\n" + "".join(output))
        ready_ms = (time.perf_counter() - started) * 1000
        text = "".join(output)
        if send:
            smtp = re.search(r"^\s+rosnou\.ru\s+SMTP\s+127\.0\.0\.1:(\d+)", text, re.M)
            api = re.search(r"admin API\s+(http://\S+?/)api/servers", text)
            if not smtp or not api:
                raise SystemExit("no rosnou.ru SMTP line or admin API line in:\n" + text)
            s = smtplib.SMTP("127.0.0.1", int(smtp.group(1)), local_hostname="ci.test", timeout=30)
            refused = s.sendmail("ci@example.org", ["tool.check@rosnou.ru"], b"From: ci@example.org\r\nSubject: tool check\r\n\r\nhello\r\n")
            s.quit()
            if refused:
                raise SystemExit(f"refused: {refused}")
            with urllib.request.urlopen(api.group(1) + "api/messages?to=tool.check@rosnou.ru&wait=30", timeout=60) as r:
                got = json.load(r)["messages"]
            if [m["subject"] for m in got] != ["tool check"]:
                raise SystemExit(f"the API answered {got}")
        return ready_ms
    finally:
        tool.send_signal(signal.SIGINT)
        try:
            rest, _ = tool.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            tool.kill()
            raise SystemExit("maillab did not stop within 30 s of Ctrl-C")
        # 130 (128 + SIGINT) is how a Ctrl-C'd process ends when its shutdown outlasts System.CommandLine's
        # grace period, as on a loaded machine; anything else is a failure.
        if tool.returncode not in (0, 130):
            raise SystemExit(f"maillab exited {tool.returncode}:\n" + "".join(output) + (rest or ""))

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("maillab", help="the installed tool's command")
    parser.add_argument("--runs", type=int, default=0, help="also time this many starts to the ready line")
    args = parser.parse_args()
    first = run_once(args.maillab, send=True)
    print(f"maillab up: ready in {first:.0f} ms, one message sent and read back through the API")
    if args.runs:
        times = [run_once(args.maillab, send=False) for _ in range(args.runs)]
        print("maillab up ready (ms): " + " ".join(f"{t:.0f}" for t in times)
              + f"; median {statistics.median(times):.0f}, min {min(times):.0f}, max {max(times):.0f}")

if __name__ == "__main__":
    main()
