#!/bin/sh
# The one step that needs a Mac (Xcode command-line tools): sign the agent, fill its code
# requirement into the PPPC profile, and build the signed installer package.
#   ./build-pkg.sh "Developer ID Application: School Trust (TEAMID)" "Developer ID Installer: School Trust (TEAMID)"
# Output: invigilator-agent-<version>.pkg beside this script, and the PPPC profile updated.
set -eu
cd "$(dirname "$0")"
APP_IDENTITY=$1
INSTALLER_IDENTITY=$2
VERSION=$(cat VERSION)
AGENT=payload/Library/Invigilator/invigilator-agent

codesign --force --options runtime --timestamp --identifier com.invigilator.agent \
  --entitlements entitlements.plist --sign "$APP_IDENTITY" "$AGENT"
requirement=$(codesign --display --requirements - "$AGENT" 2>/dev/null | sed -n 's/^designated => //p')
plutil -replace PayloadContent.0.Services.SystemPolicyRemovableVolumes.0.CodeRequirement -string "$requirement" profiles/invigilator-removable-volumes-pppc.mobileconfig
pkgbuild --root payload --scripts scripts --identifier com.invigilator.agent --version "$VERSION" \
  --install-location / --ownership recommended unsigned.pkg
productsign --sign "$INSTALLER_IDENTITY" unsigned.pkg "invigilator-agent-$VERSION.pkg"
rm -f unsigned.pkg
echo "Built invigilator-agent-$VERSION.pkg. To notarise: xcrun notarytool submit invigilator-agent-$VERSION.pkg --keychain-profile PROFILE --wait && xcrun stapler staple invigilator-agent-$VERSION.pkg"
