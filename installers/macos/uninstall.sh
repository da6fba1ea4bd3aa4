#!/bin/sh
# Removes the Invigilator agent from this Mac: stops the daemon (it tells the collector it is
# stopping, and that it is being uninstalled), then deletes the program, the daemon, the state folder, the logs and the receipt.
# Run as root, e.g. from a Jamf policy or an Intune shell script.
set -u
STATE="/Library/Application Support/Invigilator"
# Read by the agent as it stops: it reports an uninstall, not an unexplained stop.
[ -d "$STATE" ] && printf 'uninstall\n' > "$STATE/stopping-for"
launchctl bootout system/com.invigilator.agent 2>/dev/null || true
rm -f /Library/LaunchDaemons/com.invigilator.agent.plist
rm -rf /Library/Invigilator "/Library/Application Support/Invigilator" /Library/Logs/Invigilator
pkgutil --forget com.invigilator.agent >/dev/null 2>&1 || true
exit 0
