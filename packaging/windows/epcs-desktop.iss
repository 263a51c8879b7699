; Inno Setup 6 script for EPCS Desktop: per-user install (no administrator rights) of the
; PyInstaller one-folder bundle (dist\epcs-desktop) with a Start-menu shortcut and a clean
; uninstall. IT deploying to many machines uses the per-machine MSI (epcs-desktop.wxs), or
; this installer with /ALLUSERS from an elevated prompt. Silent per-user install:
;   epcs-desktop-X.Y.Z-setup-x64.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER
; Build on Windows with packaging\windows\build.ps1, which passes the version:
;   iscc /DAppVersion=0.1.0 packaging\windows\epcs-desktop.iss
;
; Uninstall removes every file the installer put in {app}; it leaves the clinicians'
; encrypted profiles (%LOCALAPPDATA%\epcs-desktop) unless the person uninstalling says
; yes to the question at the end (silent uninstalls never delete them).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z epcs-desktop.iss
#endif
#define AppName "EPCS Desktop"
#define AppExe "EPCSDesktop.exe"
#define CliExe "epcs-desktop.exe"
#define BundleDir "..\..\dist\epcs-desktop"
; The taskbar groups and pins by this id; the program sets the same one (core/platform.py).
#define AppUserModelID "org.epcsdesktop.EpcsDesktop"

[Setup]
; The AppId identifies the product to Windows across upgrades: never change it.
AppId={{0416E55B-CD55-42F1-83E9-E448578593B5}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=EPCS Desktop developers
VersionInfoVersion={#AppVersion}
; Per-user by default: %LOCALAPPDATA%\Programs, the user's Start menu, no elevation.
; /ALLUSERS (or the dialog's "Install for all users") switches to Program Files.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; Close a running copy before replacing its files (it holds the profile open).
CloseApplications=yes
RestartApplications=no
Compression=lzma2/ultra64
SolidCompression=yes
WizardStyle=modern
OutputDir=..\..\dist
OutputBaseFilename=epcs-desktop-{#AppVersion}-setup-x64
SetupIconFile=..\..\build\icons\epcs-desktop.ico
MinVersion=10.0

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade must not leave libraries of the previous version next to the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; AppUserModelID: "{#AppUserModelID}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; AppUserModelID: "{#AppUserModelID}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python may write __pycache__ folders next to the program; they were not installed by
; us file by file, so name the folder explicitly. Nothing outside {app} is listed here.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"

[Code]
{ Profiles live in the uninstalling user's %LOCALAPPDATA%\epcs-desktop (platformdirs,
  no author folder). Ask, default No; never in silent mode. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    DataDir := ExpandConstant('{localappdata}\epcs-desktop');
    if DirExists(DataDir) then
      if MsgBox('Also delete the encrypted EPCS Desktop profiles in ' + DataDir + '?' + #13#10 + #13#10 +
                'Choose No to keep them for a later reinstall. Deleted profiles cannot be recovered ' +
                'without a backup file.', mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
