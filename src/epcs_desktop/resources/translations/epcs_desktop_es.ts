<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>core</name>
    <message>
        <location filename="../../core/guide.py" line="65"/>
        <source>Open ID.me from DrChrono</source>
        <translation>Abra ID.me desde DrChrono</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="67"/>
        <source>In DrChrono go to Account &gt; Provider Settings &gt; eRx Info and click “Update MFA Device” (or open your ID.me account directly).</source>
        <translation>En DrChrono vaya a Account &gt; Provider Settings &gt; eRx Info y haga clic en “Update MFA Device” (o abra directamente su cuenta de ID.me).</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="71"/>
        <source>The eRx Info tab with the ID.me Device Information table (Name · Option · Primary Device) and the link “Update MFA Device” above it.</source>
        <translation>La pestaña eRx Info con la tabla ID.me Device Information (Name · Option · Primary Device) y, encima, el enlace “Update MFA Device”.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="75"/>
        <location filename="../../core/guide.py" line="126"/>
        <source>Open DrChrono eRx Info</source>
        <translation>Abrir eRx Info de DrChrono</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="80"/>
        <source>Go to Sign In &amp; Security</source>
        <translation>Vaya a “Sign In &amp; Security”</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="81"/>
        <source>Once you are logged into ID.me, click “Sign In &amp; Security” in the top menu.</source>
        <translation>Una vez dentro de ID.me, haga clic en “Sign In &amp; Security” en el menú superior.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="82"/>
        <source>ID.me&apos;s menu: OVERVIEW · PROFILE · SIGN IN &amp; SECURITY · MY WALLET.</source>
        <translation>El menú de ID.me: OVERVIEW · PROFILE · SIGN IN &amp; SECURITY · MY WALLET.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="84"/>
        <location filename="../../core/guide.py" line="113"/>
        <location filename="../../core/guide.py" line="142"/>
        <source>Open ID.me Sign In &amp; Security</source>
        <translation>Abrir “Sign In &amp; Security” de ID.me</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="89"/>
        <source>Sign in with your current MFA device</source>
        <translation>Inicie sesión con su dispositivo MFA actual</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="91"/>
        <source>ID.me asks you to finish signing in with multi-factor authentication: choose the method of your current primary device and enter its 6-digit code (or approve the push).</source>
        <translation>ID.me le pide terminar de iniciar sesión con autenticación multifactor: elija el método de su dispositivo principal actual y escriba su código de 6 dígitos (o apruebe la notificación push).</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="95"/>
        <source>“COMPLETE YOUR SIGN IN” with the choices Text Message or Phone Call, Push Notification and Code Generator Application.</source>
        <translation>“COMPLETE YOUR SIGN IN” con las opciones Text Message or Phone Call, Push Notification y Code Generator Application.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="102"/>
        <source>Set up and confirm the new device</source>
        <translation>Configure y confirme el dispositivo nuevo</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="132"/>
        <source>Delete the old device in ID.me</source>
        <translation>Elimine el dispositivo antiguo en ID.me</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="134"/>
        <source>Only now, with the new device working and primary, click the trash can next to the old device under “Your Multi-Factor Sign in Method”, then mark it removed here.</source>
        <translation>Solo ahora, con el dispositivo nuevo funcionando y como principal, haga clic en la papelera junto al dispositivo antiguo en “Your Multi-Factor Sign in Method” y márquelo aquí como eliminado.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="156"/>
        <source>These steps keep your current device until the new one works and is primary, so you can always sign in. DrChrono&apos;s help article lists deleting the old device first; doing that before the new one works can lock you out of signing controlled-substance prescriptions.</source>
        <translation>Estos pasos conservan su dispositivo actual hasta que el nuevo funcione y sea el principal, para que siempre pueda iniciar sesión. El artículo de ayuda de DrChrono indica eliminar primero el dispositivo antiguo; hacerlo antes de que el nuevo funcione puede impedirle firmar recetas de sustancias controladas.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="165"/>
        <source>What happens to my MFA when I change my phone?</source>
        <translation>¿Qué pasa con mi MFA si cambio de teléfono?</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="167"/>
        <source>Your ID.me multi-factor devices are tied to a phone (or to this program), not to your DrChrono account. When you get a new phone, add it as a new device in ID.me, make it the primary device in DrChrono, and only then delete the old one:</source>
        <translation>Sus dispositivos de autenticación multifactor de ID.me están ligados a un teléfono (o a este programa), no a su cuenta de DrChrono. Cuando tenga un teléfono nuevo, añádalo como dispositivo nuevo en ID.me, márquelo como dispositivo principal en DrChrono y solo entonces elimine el anterior:</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="172"/>
        <source>In this program: “Change-phone guide…” in the Tools menu walks you through these steps and ticks them as this profile changes. For step 4 use “Add code generator…” if this computer should hold the new code generator, or “Record a phone or push device…” for a phone; after step 5, choose “Select as primary device” here too so this list matches DrChrono.</source>
        <translation>En este programa: “Guía para cambiar de teléfono…”, en el menú Herramientas, le acompaña en estos pasos y los marca a medida que cambia este perfil. En el paso 4 use “Añadir generador de códigos…” si este equipo debe guardar el nuevo generador de códigos, o “Registrar un teléfono o dispositivo push…” para un teléfono; después del paso 5, elija también aquí “Seleccionar como dispositivo principal” para que esta lista coincida con DrChrono.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="337"/>
        <source>There was no old device to remove.</source>
        <translation>No había ningún dispositivo antiguo que eliminar.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="340"/>
        <source>“{name}” is still listed here.</source>
        <translation>“{name}” sigue en la lista aquí.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="342"/>
        <source>“{name}” was removed here.</source>
        <translation>“{name}” se eliminó aquí.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="346"/>
        <source>Added here: {names}.</source>
        <translation>Añadido aquí: {names}.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="348"/>
        <source>No device has been added since the guide started.</source>
        <translation>No se ha añadido ningún dispositivo desde que empezó la guía.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="353"/>
        <location filename="../../core/profile/devices.py" line="87"/>
        <location filename="../../core/profile/devices.py" line="119"/>
        <location filename="../../core/profile/devices.py" line="372"/>
        <location filename="../../core/profile/generators.py" line="118"/>
        <location filename="../../core/profile/generators.py" line="148"/>
        <source>“{name}” is now the primary device.</source>
        <translation>“{name}” es ahora el dispositivo principal.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="356"/>
        <source>No device is marked primary.</source>
        <translation>Ningún dispositivo está marcado como principal.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="363"/>
        <source>“{name}” is still the primary device here.</source>
        <translation>“{name}” sigue siendo aquí el dispositivo principal.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="369"/>
        <source>Ticked by you.</source>
        <translation>Marcado por usted.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="402"/>
        <source>Choose “Code Generator Application” and enter the code of “{name}”.</source>
        <translation>Elija “Code Generator Application” e introduzca el código de “{name}”.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="405"/>
        <source>Choose “Push Notification” and approve the sign-in on “{name}”.</source>
        <translation>Elija “Push Notification” y apruebe el inicio de sesión en “{name}”.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="407"/>
        <source>Choose “Code Generator Application” and enter the code shown by the app on “{name}”.</source>
        <translation>Elija “Code Generator Application” e introduzca el código que muestra la aplicación en “{name}”.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="446"/>
        <source>The change-phone guide was started.</source>
        <translation>Se inició la guía de cambio de teléfono.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="476"/>
        <source>Change-phone guide: step {number} was ticked.</source>
        <translation>Guía de cambio de teléfono: se marcó el paso {number}.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="478"/>
        <source>Change-phone guide: step {number} was unticked.</source>
        <translation>Guía de cambio de teléfono: se desmarcó el paso {number}.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="503"/>
        <location filename="../../core/profile/records.py" line="234"/>
        <source>The change-phone guide was closed.</source>
        <translation>Se cerró la guía de cambio de teléfono.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="138"/>
        <source>“Securing Your Account” with Push Notification and Code Generator sections, each device listed with its date added and a trash can.</source>
        <translation>“Securing Your Account” con las secciones Push Notification y Code Generator; cada dispositivo aparece con su fecha de alta y una papelera.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="104"/>
        <source>Click “Set Up” and choose “Enroll with barcode / secret key”. Scan the QR code with this program (or type the secret key), enter the 6-digit code on “Confirm your device” and give it a unique nickname. If the new device is a phone app or push device, record it here.</source>
        <translation>Haga clic en “Set Up” y elija “Enroll with barcode / secret key”. Escanee el código QR con este programa (o escriba la clave secreta), escriba el código de 6 dígitos en “Confirm your device” y dele un apodo único. Si el dispositivo nuevo es una aplicación de teléfono o un dispositivo push, regístrelo aquí.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="109"/>
        <source>“SECURE YOUR ACCOUNT”, then a QR code with a secret key, then “Confirm your device” asking for the 6-digit code and a device name.</source>
        <translation>“SECURE YOUR ACCOUNT”, luego un código QR con una clave secreta y después “Confirm your device”, que pide el código de 6 dígitos y un nombre de dispositivo.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="119"/>
        <source>Select the new primary device in DrChrono</source>
        <translation>Seleccione el nuevo dispositivo principal en DrChrono</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="121"/>
        <source>Return to DrChrono&apos;s Account &gt; Provider Settings &gt; eRx Info, click “Select as Primary Device” next to the new device, then mark it primary here too.</source>
        <translation>Vuelva a Account &gt; Provider Settings &gt; eRx Info en DrChrono, haga clic en “Select as Primary Device” junto al dispositivo nuevo y márquelo también aquí como principal.</translation>
    </message>
    <message>
        <location filename="../../core/guide.py" line="124"/>
        <source>The ID.me Device Information table with “Is Primary” next to exactly one device.</source>
        <translation>La tabla ID.me Device Information con “Is Primary” junto a un solo dispositivo.</translation>
    </message>
    <message>
        <location filename="../../core/enrollment.py" line="28"/>
        <source>Imported code generator</source>
        <translation>Generador de códigos importado</translation>
    </message>
    <message>
        <location filename="../../core/enrollment.py" line="33"/>
        <source>This is a counter-based (HOTP) code; ID.me uses time-based codes (TOTP). Counter-based codes are not supported here.</source>
        <translation>Este es un código basado en contador (HOTP); ID.me usa códigos basados en tiempo (TOTP). Aquí no se admiten códigos basados en contador.</translation>
    </message>
    <message>
        <location filename="../../core/enrollment.py" line="36"/>
        <source>A code generator held in this app needs its secret key or QR code.</source>
        <translation>Un generador de códigos guardado en esta aplicación necesita su clave secreta o su código QR.</translation>
    </message>
    <message>
        <location filename="../../core/enrollment.py" line="37"/>
        <source>Only a code generator held in this app stores a secret key.</source>
        <translation>Solo un generador de códigos guardado en esta aplicación almacena una clave secreta.</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="60"/>
        <source>otpauth link list (.txt)</source>
        <translation>Lista de enlaces otpauth (.txt)</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="61"/>
        <source>Aegis export, not encrypted (.json)</source>
        <translation>Exportación de Aegis, sin cifrar (.json)</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="62"/>
        <source>Aegis export, encrypted with a password (.json)</source>
        <translation>Exportación de Aegis, cifrada con una contraseña (.json)</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="63"/>
        <source>2FAS backup, not encrypted (.2fas)</source>
        <translation>Copia de seguridad de 2FAS, sin cifrar (.2fas)</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="78"/>
        <source>This file holds the secret keys of your code generators without any protection: anyone who gets a copy can make your sign-in codes. Keep it somewhere only you can reach and delete it once it is imported.</source>
        <translation>Este archivo contiene las claves secretas de sus generadores de códigos sin ninguna protección: cualquiera que obtenga una copia puede generar sus códigos de inicio de sesión. Guárdelo donde solo usted tenga acceso y elimínelo en cuanto lo haya importado.</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="83"/>
        <source>This file holds the secret keys of your code generators, protected only by the export password. Anyone who gets a copy and guesses that password can make your sign-in codes.</source>
        <translation>Este archivo contiene las claves secretas de sus generadores de códigos, protegidas solo por la contraseña de exportación. Cualquiera que obtenga una copia y adivine esa contraseña puede generar sus códigos de inicio de sesión.</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="86"/>
        <source>This profile holds no code generators, so there is nothing to export.</source>
        <translation>Este perfil no guarda ningún generador de códigos, así que no hay nada que exportar.</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="87"/>
        <source>Exporting secret keys is turned off by your practice&apos;s IT.</source>
        <translation>El departamento de TI de su consulta ha desactivado la exportación de claves secretas.</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="88"/>
        <source>An export cannot be written over a profile file or into the profiles folder.</source>
        <translation>Una exportación no puede escribirse sobre un archivo de perfil ni en la carpeta de perfiles.</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="89"/>
        <source>That file already exists; choose another name.</source>
        <translation>Ese archivo ya existe; elija otro nombre.</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="202"/>
        <source>An encrypted export needs a password.</source>
        <translation>Una exportación cifrada necesita una contraseña.</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="328"/>
        <source>That is a folder; give a file name for the export.</source>
        <translation>Eso es una carpeta; indique un nombre de archivo para la exportación.</translation>
    </message>
    <message>
        <location filename="../../core/export.py" line="335"/>
        <source>The folder for the export does not exist.</source>
        <translation>La carpeta de la exportación no existe.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="31"/>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="32"/>
        <source>Choose a password of at least 8 characters.</source>
        <translation>Elija una contraseña de al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="33"/>
        <source>The password cannot be blank.</source>
        <translation>La contraseña no puede estar en blanco.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="34"/>
        <source>The password cannot contain a NUL character.</source>
        <translation>La contraseña no puede contener un carácter NUL.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="35"/>
        <source>A password cannot have the form x&apos;…&apos;: that form is reserved for raw encryption keys.</source>
        <translation>Una contraseña no puede tener la forma x&apos;…&apos;: esa forma está reservada para claves de cifrado en bruto.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="37"/>
        <source>Your practice&apos;s IT requires a stronger password: add another word or two, uncommon words are better.</source>
        <translation>El departamento de TI de su consulta exige una contraseña más robusta: añada una o dos palabras más; mejor si son poco comunes.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="39"/>
        <source>Choose a password of your own, not the temporary one you were given.</source>
        <translation>Elija una contraseña propia, no la temporal que le dieron.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="41"/>
        <source>Very weak</source>
        <translation>Muy débil</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="41"/>
        <source>Weak</source>
        <translation>Débil</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="41"/>
        <source>Fair</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="41"/>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="41"/>
        <source>Strong</source>
        <translation>Sólida</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="45"/>
        <source>Avoid sequences such as abc or 6543.</source>
        <translation>Evite secuencias como abc o 6543.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="46"/>
        <source>Avoid repeated characters and words.</source>
        <translation>Evite caracteres y palabras repetidos.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="47"/>
        <source>This is similar to a commonly used password.</source>
        <translation>Se parece a una contraseña de uso común.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="48"/>
        <source>Avoid dates and years that are connected to you.</source>
        <translation>Evite fechas y años relacionados con usted.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="49"/>
        <source>Names and surnames on their own are easy to guess.</source>
        <translation>Los nombres y apellidos solos son fáciles de adivinar.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="50"/>
        <source>Avoid rows of keys on the keyboard.</source>
        <translation>Evite filas de teclas del teclado.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="52"/>
        <source>Use at least 8 characters.</source>
        <translation>Use al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../core/passwords.py" line="53"/>
        <source>Add another word or two; uncommon words are better.</source>
        <translation>Añada una o dos palabras más; las palabras poco comunes son mejores.</translation>
    </message>
    <message>
        <location filename="../../core/images.py" line="50"/>
        <source>“{name}” is not a picture this program can open. Use one of these formats: {formats}.</source>
        <translation>“{name}” no es una imagen que este programa pueda abrir. Use uno de estos formatos: {formats}.</translation>
    </message>
    <message>
        <location filename="../../core/images.py" line="49"/>
        <source>“{name}” is too large a picture to read. Take a screenshot of just the QR code.</source>
        <extracomment>Larger files than this are not pictures a person means to scan. Longest side and pixel count decoded at all (after a JPEG&apos;s own down-scaling). Sides longer than this are reduced before colour conversion and QR decoding.</extracomment>
        <translation>“{name}” es una imagen demasiado grande para leerla. Haga una captura solo del código QR.</translation>
    </message>
    <message>
        <location filename="../../core/images.py" line="51"/>
        <source>“{name}” is damaged or incomplete. Save the picture again and choose the new copy.</source>
        <translation>“{name}” está dañada o incompleta. Guarde la imagen de nuevo y elija la copia nueva.</translation>
    </message>
    <message>
        <location filename="../../core/secret_hints.py" line="33"/>
        <source>A secret key holds only the letters A to Z and the digits 2 to 7 (spaces and hyphens are ignored).</source>
        <translation>Una clave secreta solo contiene las letras de la A a la Z y las cifras del 2 al 7 (se ignoran los espacios y guiones).</translation>
    </message>
    <message>
        <location filename="../../core/secret_hints.py" line="63"/>
        <source>Type the secret key ID.me shows under the QR code.</source>
        <translation>Escriba la clave secreta que ID.me muestra debajo del código QR.</translation>
    </message>
    <message>
        <location filename="../../core/secret_hints.py" line="79"/>
        <source>Character {position} is the digit 1, which a key never holds: did you mean the letter I or L?</source>
        <translation>El carácter {position} es la cifra 1, que una clave nunca contiene: ¿quería escribir la letra I o la L?</translation>
    </message>
    <message>
        <location filename="../../core/secret_hints.py" line="87"/>
        <source>Character {position} is the digit {char}, which a key never holds: did you mean the letter {letter}?</source>
        <translation>El carácter {position} es la cifra {char}, que una clave nunca contiene: ¿quería escribir la letra {letter}?</translation>
    </message>
    <message>
        <location filename="../../core/secret_hints.py" line="96"/>
        <source>Character {position} (“{char}”) cannot be part of a key: a key holds only the letters A to Z and the digits 2 to 7 (spaces and hyphens are ignored).</source>
        <translation>El carácter {position} (“{char}”) no puede formar parte de una clave: una clave solo contiene las letras de la A a la Z y las cifras del 2 al 7 (se ignoran los espacios y guiones).</translation>
    </message>
    <message>
        <location filename="../../core/secret_hints.py" line="104"/>
        <source>This is much longer than a secret key ({count} characters).</source>
        <translation>Esto es mucho más largo que una clave secreta ({count} caracteres).</translation>
    </message>
    <message>
        <location filename="../../core/secret_hints.py" line="107"/>
        <source>A key cannot have {count} characters: one is probably missing or typed twice.</source>
        <translation>Una clave no puede tener {count} caracteres: probablemente falta uno o está repetido.</translation>
    </message>
    <message>
        <location filename="../../core/secret_hints.py" line="112"/>
        <source>The key is too short ({count} characters); ID.me&apos;s keys have at least 16.</source>
        <translation>La clave es demasiado corta ({count} caracteres); las claves de ID.me tienen al menos 16.</translation>
    </message>
    <message>
        <location filename="../../core/secret_hints.py" line="118"/>
        <source>This is not a secret key this program can use.</source>
        <translation>Esta no es una clave secreta que este programa pueda usar.</translation>
    </message>
    <message>
        <location filename="../../core/secret_hints.py" line="128"/>
        <source>This is a {bits}-bit key. The service that made it chose that length; codes from it work the same.</source>
        <translation>Es una clave de {bits} bits. El servicio que la creó eligió esa longitud; sus códigos funcionan igual.</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="38"/>
        <source>profile created</source>
        <translation>perfil creado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="39"/>
        <source>profile handed over</source>
        <translation>perfil entregado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="40"/>
        <source>profile upgraded</source>
        <translation>perfil actualizado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="41"/>
        <source>device added</source>
        <translation>dispositivo añadido</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="42"/>
        <source>device removed</source>
        <translation>dispositivo eliminado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="43"/>
        <source>device renamed</source>
        <translation>dispositivo renombrado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="44"/>
        <source>device set aside</source>
        <translation>dispositivo apartado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="45"/>
        <source>primary changed</source>
        <translation>principal cambiado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="46"/>
        <source>password changed</source>
        <translation>contraseña cambiada</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="47"/>
        <source>setting changed</source>
        <translation>ajuste cambiado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="48"/>
        <source>backup made</source>
        <translation>copia de seguridad hecha</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="49"/>
        <source>backup restored</source>
        <translation>copia de seguridad restaurada</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="50"/>
        <source>change-phone guide</source>
        <translation>guía de cambio de teléfono</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="53"/>
        <source>HOTP code used</source>
        <translation>código HOTP usado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="54"/>
        <source>codes exported</source>
        <translation>códigos exportados</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="55"/>
        <source>prescriber draft kept</source>
        <translation>borrador del prescriptor conservado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="56"/>
        <source>prescriber draft cleared</source>
        <translation>borrador del prescriptor descartado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="57"/>
        <source>listed under other accounts</source>
        <translation>en otras cuentas</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="58"/>
        <source>code generator added</source>
        <translation>generador de códigos añadido</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="59"/>
        <source>code generator removed</source>
        <translation>generador de códigos eliminado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="60"/>
        <source>code generator linked</source>
        <translation>generador de códigos vinculado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="61"/>
        <source>code generator unlinked</source>
        <translation>generador de códigos desvinculado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="62"/>
        <source>device moved to a phone</source>
        <translation>dispositivo pasado a un teléfono</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="63"/>
        <source>secret removed</source>
        <translation>secreto eliminado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="64"/>
        <source>identity confirmation changed</source>
        <translation>confirmación de identidad cambiada</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="65"/>
        <source>prescriber info changed</source>
        <translation>información del prescriptor cambiada</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="120"/>
        <source>{first}; {second}</source>
        <translation>{first}; {second}</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="127"/>
        <source>1 code generator exported as {format} (secret keys included).</source>
        <translation>Se exportó 1 generador de códigos como {format} (con las claves secretas).</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="128"/>
        <source>{count} code generators exported as {format} (secret keys included).</source>
        <translation>Se exportaron {count} generadores de códigos como {format} (con las claves secretas).</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="51"/>
        <source>compliance notice shown</source>
        <translation>aviso de cumplimiento mostrado</translation>
    </message>
    <message>
        <location filename="../../core/activity.py" line="52"/>
        <source>failed unlocks</source>
        <translation>desbloqueos fallidos</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="317"/>
        <source>Your practice&apos;s IT requires backups to be saved in the folder “{folder}”; choose a file there.</source>
        <translation>El departamento de TI de su consulta exige guardar las copias de seguridad en la carpeta “{folder}”; elija un archivo allí.</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="144"/>
        <source>Encrypted backup written to {file}.</source>
        <translation>Copia de seguridad cifrada guardada en {file}.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="454"/>
        <source>“{name}” ({option}) is added.</source>
        <translation>Se añade “{name}” ({option}).</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="455"/>
        <source>“{name}” ({option}) is added as “{new}”: another device here is called “{name}”.</source>
        <translation>Se añade “{name}” ({option}) como “{new}”: aquí ya hay otro dispositivo llamado “{name}”.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="456"/>
        <source>“{name}” becomes the primary device.</source>
        <translation>“{name}” pasa a ser el dispositivo principal.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="457"/>
        <source>“{name}” stays the primary device.</source>
        <translation>“{name}” sigue siendo el dispositivo principal.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="511"/>
        <source>“{name}” ({option}) is removed.</source>
        <translation>Se elimina “{name}” ({option}).</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="514"/>
        <source>“{name}” ({option}) is kept.</source>
        <translation>Se conserva “{name}” ({option}).</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="517"/>
        <source>“{name}” is replaced by the backup&apos;s device of that name ({option}).</source>
        <translation>“{name}” se sustituye por el dispositivo de ese nombre de la copia ({option}).</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="524"/>
        <source>“{name}” is kept: it is already here.</source>
        <translation>Se conserva “{name}”: ya está aquí.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="526"/>
        <source>“{name}” is kept: it is already here as “{here}”.</source>
        <translation>Se conserva “{name}”: ya está aquí como “{here}”.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="539"/>
        <source>Prescriber Info is kept: another clinician&apos;s is never merged in.</source>
        <translation>Se conserva la información del prescriptor: nunca se combina la de otro profesional.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="549"/>
        <source>Prescriber Info becomes: {fields}.</source>
        <translation>La información del prescriptor pasa a ser: {fields}.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="551"/>
        <source>Prescriber Info is kept.</source>
        <translation>Se conserva la información del prescriptor.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="553"/>
        <source>Identity confirmation is taken from the backup.</source>
        <translation>La confirmación de identidad se toma de la copia.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py" line="557"/>
        <source>Setting “{setting}” changes from “{old}” to “{new}”.</source>
        <translation>El ajuste “{setting}” cambia de “{old}” a “{new}”.</translation>
    </message>
    <message>
        <location filename="../../core/profile/restore.py" line="177"/>
        <source>merge</source>
        <translation>combinar</translation>
    </message>
    <message>
        <location filename="../../core/profile/restore.py" line="177"/>
        <source>replace</source>
        <translation>reemplazar</translation>
    </message>
    <message>
        <location filename="../../core/profile/restore.py" line="181"/>
        <source>Restored from a backup ({mode}): devices added: {added}; already present: {skipped}.</source>
        <translation>Restaurado desde una copia de seguridad ({mode}): dispositivos añadidos: {added}; ya presentes: {skipped}.</translation>
    </message>
    <message>
        <location filename="../../core/profile/restore.py" line="190"/>
        <source>Restored from a backup ({mode}): devices added: {added}.</source>
        <translation>Restaurado desde una copia de seguridad ({mode}): dispositivos añadidos: {added}.</translation>
    </message>
    <message>
        <location filename="../../core/profile/restore.py" line="223"/>
        <source>This backup was made from the profile “{backup}”, and nothing in it (NPI, DEA number, clinician id) matches this profile, “{profile}”: it looks like another clinician&apos;s backup. Restore it only if you choose to explicitly.</source>
        <translation>Esta copia se hizo del perfil “{backup}” y nada en ella (NPI, número DEA, identificador del profesional) coincide con este perfil, “{profile}”: parece la copia de otro profesional. Restáurela solo si lo elige expresamente.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="43"/>
        <source>Lock after inactivity (minutes)</source>
        <extracomment>0 means &quot;off/never&quot; (no auto-lock, keep the clipboard): a policy&apos;s &quot;at most N&quot; excludes it. Set only by the practice&apos;s machine policy (core/policy.py): a profile never stores it, the Settings window does not show it, and `settings set` refuses it.</extracomment>
        <translation>Bloquear tras inactividad (minutos)</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="44"/>
        <source>The profile locks itself after this many idle minutes; 0 never locks (not recommended).</source>
        <translation>El perfil se bloquea solo tras estos minutos sin uso; 0 no lo bloquea nunca (no recomendado).</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="48"/>
        <source>Clear copied codes after (seconds)</source>
        <translation>Borrar los códigos copiados tras (segundos)</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="49"/>
        <source>A copied code is wiped from the clipboard after this many seconds; 0 keeps it.</source>
        <translation>Un código copiado se borra del portapapeles tras estos segundos; 0 lo conserva.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="53"/>
        <source>ID.me Sign In &amp; Security</source>
        <translation>Sign In &amp; Security de ID.me</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="54"/>
        <source>Where ID.me lets you add, rename or delete MFA devices.</source>
        <translation>Donde ID.me le permite añadir, renombrar o eliminar dispositivos MFA.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="57"/>
        <source>DrChrono eRx Info</source>
        <translation>eRx Info de DrChrono</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="58"/>
        <source>DrChrono&apos;s Account &gt; Provider Settings page (eRx Info tab).</source>
        <translation>La página Account &gt; Provider Settings de DrChrono (pestaña eRx Info).</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="61"/>
        <source>EPCS Permissions</source>
        <translation>Permisos EPCS</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="62"/>
        <source>DrChrono&apos;s page for adjusting EPCS permissions.</source>
        <translation>La página de DrChrono para ajustar los permisos EPCS.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="65"/>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="65"/>
        <source>Which camera scans QR codes (0 is the first).</source>
        <translation>Qué cámara lee los códigos QR (0 es la primera).</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="69"/>
        <source>Check this computer&apos;s clock</source>
        <translation>Comprobar el reloj de este equipo</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="70"/>
        <source>Ask the time server at unlock and every few hours whether this computer&apos;s clock is right. Turn off on computers that must not contact a time server.</source>
        <translation>Preguntar al servidor de hora, al desbloquear y cada pocas horas, si el reloj de este equipo es correcto. Desactívelo en equipos que no deben contactar con un servidor de hora.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="74"/>
        <source>Time server</source>
        <translation>Servidor de hora</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="75"/>
        <source>Used to check that this computer&apos;s clock is right; codes depend on it. A host name or address, optionally with a port (host:123, [2001:db8::1]:123).</source>
        <translation>Sirve para comprobar que el reloj de este equipo es correcto; los códigos dependen de ello. Un nombre de host o una dirección, con puerto opcional (host:123, [2001:db8::1]:123).</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="79"/>
        <source>Backup reminder (days)</source>
        <translation>Recordatorio de copia (días)</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="80"/>
        <source>Remind me to make an encrypted backup after this many days; 0 turns reminders off.</source>
        <translation>Recordarme hacer una copia cifrada tras estos días; 0 desactiva los recordatorios.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="85"/>
        <source>Turn off practice enrollment</source>
        <translation>Desactivar la inscripción de práctica</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="86"/>
        <source>Hide Tools &gt; Practice enrollment, the rehearsal of ID.me&apos;s enrollment with sample codes.</source>
        <translation>Ocultar Herramientas &gt; Inscripción de práctica, el ensayo de la inscripción de ID.me con códigos de ejemplo.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="89"/>
        <source>Turn off exports</source>
        <translation>Desactivar las exportaciones</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="90"/>
        <source>Refuse exporting this profile&apos;s code generators (otpauth list, Aegis, 2FAS files).</source>
        <translation>Rechazar la exportación de los generadores de códigos de este perfil (lista otpauth, archivos Aegis, 2FAS).</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="93"/>
        <source>Backup folder</source>
        <translation>Carpeta de copias</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="94"/>
        <source>Encrypted backups are saved in this folder (empty: you choose each time).</source>
        <translation>Las copias cifradas se guardan en esta carpeta (vacío: usted elige cada vez).</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="99"/>
        <source>Turn off camera scanning</source>
        <translation>Desactivar el escaneo con la cámara</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="100"/>
        <source>Refuse scanning QR codes with a camera; typing the key or scanning an image file still works.</source>
        <translation>Rechazar el escaneo de códigos QR con una cámara; escribir la clave o escanear un archivo de imagen sigue funcionando.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="104"/>
        <source>Turn off screen scanning</source>
        <translation>Desactivar el escaneo de la pantalla</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="105"/>
        <source>Refuse reading QR codes from the screen.</source>
        <translation>Rechazar la lectura de códigos QR desde la pantalla.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="108"/>
        <source>Turn off importing</source>
        <translation>Desactivar la importación</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="109"/>
        <source>Refuse importing code generators from other authenticator apps&apos; files.</source>
        <translation>Rechazar la importación de generadores de códigos desde archivos de otras aplicaciones de autenticación.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="112"/>
        <source>Turn off restoring backups</source>
        <translation>Desactivar la restauración de copias de seguridad</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="113"/>
        <source>Refuse restoring an encrypted backup into a profile.</source>
        <translation>Rechazar la restauración de una copia de seguridad cifrada en un perfil.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="116"/>
        <source>Turn off moving to a phone</source>
        <translation>Desactivar el traslado a un teléfono</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="117"/>
        <source>Refuse showing a code generator&apos;s QR code for a phone app to take over.</source>
        <translation>Rechazar mostrar el código QR de un generador de códigos para que lo adopte una aplicación del teléfono.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="120"/>
        <source>Minimum password strength</source>
        <translation>Robustez mínima de la contraseña</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="121"/>
        <source>New profile, hand-over and backup passwords must reach this strength: 0 no minimum, 1 Weak, 2 Fair, 3 Good, 4 Strong.</source>
        <translation>Las contraseñas nuevas de perfil, de entrega y de copia de seguridad deben alcanzar esta robustez: 0 sin mínimo, 1 Débil, 2 Aceptable, 3 Buena, 4 Sólida.</translation>
    </message>
    <message>
        <location filename="../../core/profiles.py" line="64"/>
        <source>A profile called “{name}” already exists.</source>
        <translation>Ya existe un perfil llamado “{name}”.</translation>
    </message>
    <message>
        <location filename="../../core/profiles.py" line="75"/>
        <source>A profile name cannot be empty.</source>
        <translation>El nombre del perfil no puede estar vacío.</translation>
    </message>
    <message>
        <location filename="../../core/profiles.py" line="77"/>
        <source>A profile name can have at most 64 characters.</source>
        <translation>El nombre del perfil puede tener como máximo 64 caracteres.</translation>
    </message>
    <message>
        <location filename="../../core/profiles.py" line="81"/>
        <source>A profile name can use letters, digits, spaces, &apos;.&apos;, &apos;-&apos;, &apos;_&apos; and apostrophes, and starts with a letter or digit.</source>
        <translation>El nombre del perfil puede tener letras, dígitos, espacios, &apos;.&apos;, &apos;-&apos;, &apos;_&apos; y apóstrofos, y empieza con una letra o un dígito.</translation>
    </message>
    <message>
        <location filename="../../core/profiles.py" line="184"/>
        <source>Profile “{name}” was created.</source>
        <translation>Se creó el perfil “{name}”.</translation>
    </message>
    <message>
        <location filename="../../core/policy.py" line="490"/>
        <source>Camera scanning is turned off by your practice&apos;s IT; type the key or scan an image file.</source>
        <translation>El departamento de TI de su consulta ha desactivado el escaneo con la cámara; escriba la clave o escanee un archivo de imagen.</translation>
    </message>
    <message>
        <location filename="../../core/policy.py" line="494"/>
        <source>Scanning the screen is turned off by your practice&apos;s IT; type the key or scan an image file.</source>
        <translation>El departamento de TI de su consulta ha desactivado el escaneo de la pantalla; escriba la clave o escanee un archivo de imagen.</translation>
    </message>
    <message>
        <location filename="../../core/policy.py" line="496"/>
        <source>Importing code generators is turned off by your practice&apos;s IT.</source>
        <translation>El departamento de TI de su consulta ha desactivado la importación de generadores de códigos.</translation>
    </message>
    <message>
        <location filename="../../core/policy.py" line="497"/>
        <source>Restoring backups is turned off by your practice&apos;s IT.</source>
        <translation>El departamento de TI de su consulta ha desactivado la restauración de copias de seguridad.</translation>
    </message>
    <message>
        <location filename="../../core/policy.py" line="500"/>
        <source>Moving a code generator to a phone is turned off by your practice&apos;s IT.</source>
        <translation>El departamento de TI de su consulta ha desactivado el traslado de generadores de códigos a un teléfono.</translation>
    </message>
    <message>
        <location filename="../../core/scan_guide.py" line="76"/>
        <source>A QR code is there but too small. Bring the phone closer to the camera.</source>
        <translation>Hay un código QR, pero se ve demasiado pequeño. Acerque el teléfono a la cámara.</translation>
    </message>
    <message>
        <location filename="../../core/scan_guide.py" line="77"/>
        <source>Turn the phone so its screen faces the camera.</source>
        <translation>Gire el teléfono para que su pantalla quede frente a la cámara.</translation>
    </message>
    <message>
        <location filename="../../core/scan_guide.py" line="78"/>
        <source>Hold the phone still for a moment.</source>
        <translation>Mantenga el teléfono quieto un momento.</translation>
    </message>
    <message>
        <location filename="../../core/scan_guide.py" line="79"/>
        <source>It is too dark. Turn on a light or turn up the phone&apos;s brightness.</source>
        <translation>Está demasiado oscuro. Encienda una luz o suba el brillo del teléfono.</translation>
    </message>
    <message>
        <location filename="../../core/scan_guide.py" line="80"/>
        <source>Glare hides part of the code. Tilt the phone a little or move it away from the light.</source>
        <translation>Un reflejo tapa parte del código. Incline un poco el teléfono o aléjelo de la luz.</translation>
    </message>
    <message>
        <location filename="../../core/scan_guide.py" line="81"/>
        <source>Part of the code is covered. Keep your fingers off the code.</source>
        <translation>Parte del código está tapada. No ponga los dedos sobre el código.</translation>
    </message>
    <message>
        <location filename="../../core/activity_export.py" line="30"/>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <location filename="../../core/activity_export.py" line="30"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../core/activity_export.py" line="30"/>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <location filename="../../core/profile/devices.py" line="108"/>
        <source>“{name}” is an account of “{issuer}”, not an ID.me device: its code is now under “Other accounts” and it is no longer in the ID.me device table. If it is an ID.me device, choose “This is an ID.me device…” in its menu.</source>
        <translation>“{name}” es una cuenta de “{issuer}”, no un dispositivo de ID.me: su código está ahora en “Otras cuentas” y ya no está en la tabla de dispositivos de ID.me. Si es un dispositivo de ID.me, elija “Es un dispositivo de ID.me…” en su menú.</translation>
    </message>
    <message>
        <location filename="../../core/profile/devices.py" line="137"/>
        <source>“{old}” is now stored as “{new}”.</source>
        <translation>“{old}” se guarda ahora como “{new}”.</translation>
    </message>
    <message>
        <location filename="../../core/profile/devices.py" line="152"/>
        <source>Device “{name}” was set aside because its stored details can no longer be read. “{primary}” is now the primary device.</source>
        <translation>El dispositivo “{name}” se apartó porque ya no se pueden leer sus datos guardados. “{primary}” es ahora el dispositivo principal.</translation>
    </message>
    <message>
        <location filename="../../core/profile/devices.py" line="160"/>
        <source>Device “{name}” was set aside because its stored details can no longer be read.</source>
        <translation>El dispositivo “{name}” se apartó porque ya no se pueden leer sus datos guardados.</translation>
    </message>
    <message>
        <location filename="../../core/profile/devices.py" line="315"/>
        <source>“{name}” was added as a code generator of another account (“{issuer}”).</source>
        <translation>Se añadió “{name}” como generador de códigos de otra cuenta (“{issuer}”).</translation>
    </message>
    <message>
        <location filename="../../core/profile/devices.py" line="318"/>
        <source>“{name}” was added as a code generator of another account.</source>
        <translation>Se añadió “{name}” como generador de códigos de otra cuenta.</translation>
    </message>
    <message>
        <location filename="../../core/profile/devices.py" line="323"/>
        <source>“{name}” ({option}) was added as the primary device.</source>
        <translation>Se añadió “{name}” ({option}) como dispositivo principal.</translation>
    </message>
    <message>
        <location filename="../../core/profile/devices.py" line="325"/>
        <source>“{name}” ({option}) was added.</source>
        <translation>Se añadió “{name}” ({option}).</translation>
    </message>
    <message>
        <location filename="../../core/profile/devices.py" line="353"/>
        <source>“{old}” was renamed to “{new}”.</source>
        <translation>“{old}” pasó a llamarse “{new}”.</translation>
    </message>
    <message>
        <location filename="../../core/profile/devices.py" line="413"/>
        <location filename="../../core/profile/generators.py" line="71"/>
        <source>“{name}” was removed.</source>
        <translation>Se eliminó “{name}”.</translation>
    </message>
    <message>
        <location filename="../../core/profile/devices.py" line="417"/>
        <source>“{name}” was removed. “{primary}” is now the primary device.</source>
        <translation>Se eliminó “{name}”. “{primary}” es ahora el dispositivo principal.</translation>
    </message>
    <message>
        <location filename="../../core/profile/generators.py" line="106"/>
        <source>The code generator “{name}” is the ID.me device “{device}”: its codes are now made here.</source>
        <translation>El generador de códigos “{name}” es el dispositivo de ID.me “{device}”: sus códigos se generan ahora aquí.</translation>
    </message>
    <message>
        <location filename="../../core/profile/generators.py" line="114"/>
        <source>“{name}” is now an ID.me device (Generate 2FA Key).</source>
        <translation>“{name}” es ahora un dispositivo de ID.me (Generate 2FA Key).</translation>
    </message>
    <message>
        <location filename="../../core/profile/generators.py" line="119"/>
        <location filename="../../core/profile/generators.py" line="149"/>
        <source>{first} {second}</source>
        <translation>{first} {second}</translation>
    </message>
    <message>
        <location filename="../../core/profile/generators.py" line="144"/>
        <source>“{name}” is not an ID.me device: its code is listed under other accounts.</source>
        <translation>“{name}” no es un dispositivo de ID.me: su código aparece en otras cuentas.</translation>
    </message>
    <message>
        <location filename="../../core/profile/generators.py" line="172"/>
        <source>“{name}” now makes its codes on a phone; nothing changed in ID.me.</source>
        <translation>“{name}” genera ahora sus códigos en un teléfono; nada cambió en ID.me.</translation>
    </message>
    <message>
        <location filename="../../core/profile/generators.py" line="193"/>
        <source>The secret of “{name}” was removed from this computer.</source>
        <translation>Se eliminó de este equipo el secreto de “{name}”.</translation>
    </message>
    <message>
        <location filename="../../core/profile/generators.py" line="224"/>
        <source>“{name}” made its next code (its counter moved on).</source>
        <translation>“{name}” generó su siguiente código (su contador avanzó).</translation>
    </message>
    <message>
        <location filename="../../core/profile/handover.py" line="44"/>
        <source>The profile password was changed.</source>
        <translation>Se cambió la contraseña del perfil.</translation>
    </message>
    <message>
        <location filename="../../core/profile/handover.py" line="87"/>
        <source>Created by the front desk on a temporary password.</source>
        <translation>Creado por recepción con una contraseña temporal.</translation>
    </message>
    <message>
        <location filename="../../core/profile/handover.py" line="129"/>
        <source>The temporary password was replaced by the clinician&apos;s own.</source>
        <translation>La contraseña temporal se sustituyó por la del profesional.</translation>
    </message>
    <message>
        <location filename="../../core/profile/handover.py" line="138"/>
        <source>The temporary password had already been replaced; the reminder was cleared.</source>
        <translation>La contraseña temporal ya se había sustituido; se quitó el recordatorio.</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="53"/>
        <source>Prescriber Info was updated.</source>
        <translation>Se actualizó la información del prescriptor.</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="69"/>
        <source>Identity marked confirmed on {date}.</source>
        <translation>Identidad marcada como confirmada el {date}.</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="71"/>
        <source>Identity marked confirmed.</source>
        <translation>Identidad marcada como confirmada.</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="73"/>
        <source>Identity marked not confirmed.</source>
        <translation>Identidad marcada como no confirmada.</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="113"/>
        <source>on</source>
        <translation>activado</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="113"/>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="116"/>
        <source>“{setting}” set to {value}</source>
        <translation>“{setting}” con el valor {value}</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="122"/>
        <source>{changes}.</source>
        <translation>{changes}.</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="236"/>
        <source>Guide progress was saved.</source>
        <translation>Se guardó el progreso de la guía.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="154"/>
        <source>The EPCS hard-token notice was shown.</source>
        <translation>Se mostró el aviso sobre el token físico de EPCS.</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="163"/>
        <source>Unsaved Prescriber Info was kept as a draft when the profile locked.</source>
        <translation>La información del prescriptor sin guardar se conservó como borrador al bloquearse el perfil.</translation>
    </message>
    <message>
        <location filename="../../core/profile/records.py" line="173"/>
        <source>The draft was saved or discarded.</source>
        <translation>El borrador se guardó o se descartó.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="364"/>
        <source>1 wrong password before this unlock, at {when}.</source>
        <translation>1 contraseña incorrecta antes de este desbloqueo, a las {when}.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="367"/>
        <source>{count} wrong passwords before this unlock; the last at {when}.</source>
        <translation>{count} contraseñas incorrectas antes de este desbloqueo; la última a las {when}.</translation>
    </message>
    <message>
        <location filename="../../core/erx.py" line="106"/>
        <source>this computer</source>
        <translation>este equipo</translation>
    </message>
    <message>
        <location filename="../../core/erx.py" line="107"/>
        <source>a phone or tablet</source>
        <translation>un teléfono o tableta</translation>
    </message>
    <message>
        <location filename="../../core/erx.py" line="108"/>
        <source>a phone (push)</source>
        <translation>un teléfono (push)</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../ui/wizard/accounts_page.py" line="30"/>
        <source>Choose the accounts to add</source>
        <translation>Elija las cuentas que desea añadir</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/accounts_page.py" line="31"/>
        <source>This Google Authenticator export holds these accounts. Add only ID.me&apos;s.</source>
        <translation>Esta exportación de Google Authenticator contiene estas cuentas. Añada solo la de ID.me.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/accounts_page.py" line="62"/>
        <source>Not included: {items}</source>
        <translation>No incluidas: {items}</translation>
    </message>
</context>
<context>
    <name>ActivityLogDialog</name>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="158"/>
        <source>Activity log — {name}</source>
        <translation>Registro de actividad — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="172"/>
        <source>Activity log entries</source>
        <translation>Entradas del registro de actividad</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="175"/>
        <source>Filter (e.g. a device name)</source>
        <translation>Filtrar (p. ej., el nombre de un dispositivo)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="177"/>
        <source>Filter the activity log</source>
        <translation>Filtrar el registro de actividad</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="180"/>
        <source>Show only this action</source>
        <translation>Mostrar solo esta acción</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="185"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="190"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="209"/>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="221"/>
        <source>{shown} of {total} entries</source>
        <translation>{shown} de {total} entradas</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="234"/>
        <source>Exported {shown} of {total} entries (filtered) to {file}.</source>
        <translation>Se exportaron {shown} de {total} entradas (filtradas) a {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="238"/>
        <source>Exported the only entry to {file}.</source>
        <translation>Se exportó la única entrada a {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="240"/>
        <source>Exported all {total} entries to {file}.</source>
        <translation>Se exportaron las {total} entradas a {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="247"/>
        <source>Export activity log</source>
        <translation>Exportar el registro de actividad</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="249"/>
        <source>%1-activity.csv</source>
        <translation>%1-actividad.csv</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="251"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="59"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="60"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="61"/>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../ui/controller.py" line="173"/>
        <source>Your unsaved Prescriber Info was kept as a draft.</source>
        <translation>Su información del prescriptor sin guardar se conservó como borrador.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="233"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="235"/>
        <source>Settings are kept in each profile, encrypted: unlock a profile and choose File &gt; Settings. Profiles on this workstation are stored in:
%1</source>
        <translation>La configuración se guarda en cada perfil, cifrada: desbloquee un perfil y elija Archivo &gt; Configuración. Los perfiles de este equipo se guardan en:
%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controller.py" line="253"/>
        <source>Locked after %n minutes without use.</source>
        <translation>
            <numerusform>Bloqueado tras %n minuto sin uso.</numerusform>
            <numerusform>Bloqueado tras %n minutos sin uso.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="255"/>
        <source>Locked after 1 minute without use.</source>
        <translation>Bloqueado tras 1 minuto sin uso.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="262"/>
        <source>Copy primary device&apos;s code</source>
        <translation>Copiar el código del dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="265"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="266"/>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="270"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="295"/>
        <source>The primary device&apos;s codes are not generated here.</source>
        <translation>Los códigos del dispositivo principal no se generan aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="303"/>
        <source>Locked because this computer&apos;s session was locked or went to sleep.</source>
        <translation>Bloqueado porque la sesión de este equipo se bloqueó o entró en suspensión.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="70"/>
        <source>Save backup</source>
        <translation>Guardar copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="72"/>
        <source>Open backup</source>
        <translation>Abrir copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="74"/>
        <source>EPCS Desktop backups (*%1);;All files (*)</source>
        <translation>Copias de seguridad de EPCS Desktop (*%1);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="108"/>
        <source>Backup file</source>
        <translation>Archivo de copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="109"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="142"/>
        <source>Back up now</source>
        <translation>Hacer una copia de seguridad ahora</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="147"/>
        <source>The backup holds this profile&apos;s secret keys, encrypted with the backup password below. Without that password nobody, including you, can restore it.</source>
        <translation>La copia de seguridad contiene las claves secretas de este perfil, cifradas con la contraseña de copia de seguridad que indique abajo. Sin esa contraseña nadie, ni siquiera usted, podrá restaurarla.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="156"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="162"/>
        <source>Backup password</source>
        <translation>Contraseña de la copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="160"/>
        <source>Backup &amp;password:</source>
        <translation>&amp;Contraseña de la copia:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="161"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="172"/>
        <source>&amp;Back up</source>
        <translation>&amp;Hacer la copia</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="189"/>
        <source>Choose where to save the backup.</source>
        <translation>Elija dónde guardar la copia de seguridad.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="200"/>
        <source>That is a folder; enter a file name.</source>
        <translation>Eso es una carpeta; escriba un nombre de archivo.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="575"/>
        <source>Encrypted backup saved to %1</source>
        <translation>Copia de seguridad cifrada guardada en %1</translation>
    </message>
</context>
<context>
    <name>BackupReminder</name>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="521"/>
        <source>Back up now…</source>
        <translation>Hacer copia ahora…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="523"/>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="544"/>
        <source>This profile has never been backed up. An encrypted backup lets you restore your code generators if this computer is lost or fails.</source>
        <translation>Nunca se ha hecho una copia de seguridad de este perfil. Una copia cifrada le permite recuperar sus generadores de códigos si este equipo se pierde o falla.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="551"/>
        <source>The last backup of this profile was made %1 days ago.</source>
        <translation>La última copia de seguridad de este perfil se hizo hace %1 días.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/clock_status.py" line="76"/>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="145"/>
        <source>Scan with the webcam</source>
        <translation>Escanear con la cámara web</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="146"/>
        <source>Hold the QR code ID.me shows inside the box. It is read twice to be sure.</source>
        <translation>Mantenga dentro del recuadro el código QR que muestra ID.me. Se lee dos veces para asegurarse.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="155"/>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="156"/>
        <source>&amp;Camera:</source>
        <translation>&amp;Cámara:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="159"/>
        <source>Scan &amp;again</source>
        <translation>&amp;Volver a escanear</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="160"/>
        <source>Scan again</source>
        <translation>Volver a escanear</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="183"/>
        <source>Looking for cameras…</source>
        <translation>Buscando cámaras…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="208"/>
        <source>No camera was found. Open an image of the QR code or enter the secret key instead.</source>
        <translation>No se encontró ninguna cámara. Abra una imagen del código QR o escriba la clave secreta.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="250"/>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="343"/>
        <source>The camera stopped sending pictures.</source>
        <translation>La cámara dejó de enviar imágenes.</translation>
    </message>
</context>
<context>
    <name>ChangeGuideDialog</name>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="66"/>
        <source>Change my MFA phone — step by step</source>
        <translation>Cambiar mi teléfono de MFA, paso a paso</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="150"/>
        <source>Code of the primary device</source>
        <translation>Código del dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="161"/>
        <source>&amp;Enroll it in this program…</source>
        <translation>&amp;Inscribirlo en este programa…</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="163"/>
        <source>Record a phone or &amp;push device…</source>
        <translation>Registrar un teléfono o dispositivo &amp;push…</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="173"/>
        <source>Device to mark as primary</source>
        <translation>Dispositivo que se marcará como principal</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="174"/>
        <source>&amp;Mark as primary here</source>
        <translation>&amp;Marcar como principal aquí</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="188"/>
        <source>Start &amp;over</source>
        <translation>&amp;Empezar de nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="190"/>
        <source>Forget the ticks and compare against the device table as it is now</source>
        <translation>Olvidar las marcas y comparar con la tabla de dispositivos tal como está ahora</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="193"/>
        <source>&amp;Finish</source>
        <translation>&amp;Finalizar</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="195"/>
        <source>&amp;Close (keep my progress)</source>
        <translation>&amp;Cerrar (conservar mi progreso)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="267"/>
        <source>Welcome back — your progress was kept.</source>
        <translation>Bienvenido de nuevo: se conservó su progreso.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="290"/>
        <source>I deleted “{name}” in ID.me — &amp;remove it here</source>
        <translation>Ya eliminé “{name}” en ID.me: &amp;quitarlo aquí</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="332"/>
        <source>{code}   ({secs} s)</source>
        <translation>{code}   ({secs} s)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="270"/>
        <source>Device being replaced: &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>Dispositivo que se reemplaza: &lt;b&gt;{name}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="284"/>
        <source>{done} of {total} steps done</source>
        <translation>{done} de {total} pasos completados</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="302"/>
        <source>(primary here)</source>
        <translation>(principal aquí)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="310"/>
        <source>No device is marked primary.</source>
        <translation>Ningún dispositivo está marcado como principal.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="323"/>
        <source>No device is recorded here yet.</source>
        <translation>Aún no hay ningún dispositivo registrado aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="366"/>
        <source>The enrollment wizard is not available in this build.</source>
        <translation>El asistente de inscripción no está disponible en esta versión.</translation>
    </message>
</context>
<context>
    <name>ClockStatus</name>
    <message>
        <location filename="../../ui/clock_status.py" line="150"/>
        <source>Check again</source>
        <translation>Volver a comprobar</translation>
    </message>
    <message>
        <location filename="../../ui/clock_status.py" line="185"/>
        <source>Clock OK (%1)</source>
        <translation>Reloj correcto (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/clock_status.py" line="189"/>
        <source>Clock off by %1</source>
        <translation>Reloj desfasado %1</translation>
    </message>
    <message>
        <location filename="../../ui/clock_status.py" line="193"/>
        <source>Time server: %1</source>
        <translation>Servidor de hora: %1</translation>
    </message>
    <message>
        <location filename="../../ui/clock_status.py" line="202"/>
        <source>Clock not checked</source>
        <translation>Reloj sin comprobar</translation>
    </message>
    <message>
        <location filename="../../ui/clock_status.py" line="203"/>
        <source>The clock could not be checked: %1</source>
        <translation>No se pudo comprobar el reloj: %1</translation>
    </message>
</context>
<context>
    <name>CloseToTray</name>
    <message>
        <location filename="../../ui/tray.py" line="78"/>
        <source>EPCS Desktop keeps running here. Lock or quit it from this icon&apos;s menu.</source>
        <translation>EPCS Desktop sigue en funcionamiento aquí. Bloquéelo o ciérrelo desde el menú de este icono.</translation>
    </message>
</context>
<context>
    <name>CodeDelegate</name>
    <message>
        <location filename="../../ui/code_delegate.py" line="117"/>
        <source>Primary</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/code_delegate.py" line="154"/>
        <source>Counter-based: press “Next code”</source>
        <translation>Basado en contador: pulse “Siguiente código”</translation>
    </message>
    <message>
        <location filename="../../ui/code_delegate.py" line="162"/>
        <source>next: %1</source>
        <translation>siguiente: %1</translation>
    </message>
</context>
<context>
    <name>CodeListModel</name>
    <message>
        <location filename="../../ui/models.py" line="469"/>
        <source>press Next code</source>
        <translation>pulse Código siguiente</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="497"/>
        <source>counter-based code: press Next code</source>
        <translation>código basado en contador: pulse Código siguiente</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models.py" line="502"/>
        <source>%n seconds left</source>
        <translation>
            <numerusform>queda %n segundo</numerusform>
            <numerusform>quedan %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="504"/>
        <source>primary device</source>
        <translation>dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="507"/>
        <source>Click, press Enter or Ctrl+C to copy the code</source>
        <translation>Haga clic, pulse Intro o Ctrl+C para copiar el código</translation>
    </message>
</context>
<context>
    <name>CodesPane</name>
    <message>
        <location filename="../../ui/codes_pane.py" line="185"/>
        <source>Code generator</source>
        <translation>Generador de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="187"/>
        <source>&amp;Add code generator…</source>
        <translation>Añadir generador de &amp;códigos…</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="197"/>
        <source>Filter by nickname, issuer or account</source>
        <translation>Filtrar por apodo, emisor o cuenta</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="199"/>
        <source>Filter code generators</source>
        <translation>Filtrar generadores de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="213"/>
        <source>Codes</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="223"/>
        <source>No code generator is held in this program yet. Choose “Add code generator…” to scan ID.me&apos;s QR code or type its secret key.</source>
        <translation>Este programa aún no guarda ningún generador de códigos. Elija “Añadir generador de códigos…” para escanear el código QR de ID.me o escribir su clave secreta.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="231"/>
        <source>Click a code, or press Enter, to copy it.</source>
        <translation>Haga clic en un código, o pulse Intro, para copiarlo.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="234"/>
        <source>&amp;Next code</source>
        <translation>Código &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="236"/>
        <source>Counter-based code: make the next code (the counter moves on by one) and copy it</source>
        <translation>Código basado en contador: genera el código siguiente (el contador avanza uno) y lo copia</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="351"/>
        <source>Press “Next code” to make a code for “%1”.</source>
        <translation>Pulse “Código siguiente” para generar un código de “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="363"/>
        <source>The code of “%1” changes in %2 s: the new code will be copied then.</source>
        <translation>El código de “%1” cambia en %2 s: entonces se copiará el código nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="379"/>
        <source>Copied the code of “%1” — clipboard clears in %2 s</source>
        <translation>Código de “%1” copiado: el portapapeles se vacía en %2 s</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="382"/>
        <source>Copied the code of “%1”</source>
        <translation>Código de “%1” copiado</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="397"/>
        <source>Not an ID.me device (keep its code under other accounts)</source>
        <translation>No es un dispositivo de ID.me (conservar su código en otras cuentas)</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="400"/>
        <source>This is an ID.me device…</source>
        <translation>Es un dispositivo de ID.me…</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="402"/>
        <source>Remove…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="415"/>
        <source>A new row of the ID.me device table</source>
        <translation>Una fila nueva de la tabla de dispositivos de ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="418"/>
        <source>The ID.me device “%1”</source>
        <translation>El dispositivo de ID.me “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="433"/>
        <source>This is an ID.me device</source>
        <translation>Es un dispositivo de ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="434"/>
        <source>Which ID.me device is “%1”?</source>
        <translation>¿Qué dispositivo de ID.me es “%1”?</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="448"/>
        <source>“%1” is an ID.me device; its code is made here</source>
        <translation>“%1” es un dispositivo de ID.me; su código se genera aquí</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="462"/>
        <source>“%1” is listed under other accounts, not as an ID.me device</source>
        <translation>“%1” aparece en otras cuentas, no como dispositivo de ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="478"/>
        <source>Remove code generator</source>
        <translation>Eliminar generador de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="480"/>
        <source>Remove “%1” from this profile? Its secret key is deleted from this computer.</source>
        <translation>¿Eliminar “%1” de este perfil? Su clave secreta se borra de este equipo.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="482"/>
        <source>&amp;Remove</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="491"/>
        <source>Removed “%1”</source>
        <translation>Se eliminó “%1”</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="142"/>
        <source>Confirm your device</source>
        <translation>Confirme su dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="144"/>
        <source>Type this code into ID.me&apos;s “Confirm your device” screen, then name the device here.</source>
        <translation>Escriba este código en la pantalla “Confirm your device” de ID.me y luego ponga nombre al dispositivo aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="150"/>
        <location filename="../../ui/wizard/confirm_page.py" line="208"/>
        <source>&amp;Make this my primary device</source>
        <translation>&amp;Convertirlo en mi dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="151"/>
        <source>Make this my primary device</source>
        <translation>Convertirlo en mi dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="154"/>
        <source>Also select it as the primary device in DrChrono: Account › Provider Settings › eRx Info (Update MFA Device).</source>
        <translation>Selecciónelo también como dispositivo principal en DrChrono: Account › Provider Settings › eRx Info (Update MFA Device).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="163"/>
        <source>Compliance note</source>
        <translation>Nota de cumplimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="203"/>
        <source>&amp;Make this my primary device (your first device is always primary)</source>
        <translation>&amp;Convertirlo en mi dispositivo principal (su primer dispositivo siempre es el principal)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="206"/>
        <source>&amp;Make the first of these my primary device</source>
        <translation>&amp;Convertir el primero de ellos en mi dispositivo principal</translation>
    </message>
</context>
<context>
    <name>DeviceTableModel</name>
    <message>
        <location filename="../../ui/models.py" line="162"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="162"/>
        <source>Option</source>
        <translation>Opción</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="162"/>
        <source>Primary Device</source>
        <translation>Dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="182"/>
        <source>Select as primary device</source>
        <translation>Seleccionar como dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="206"/>
        <source>Click, or press Space, to make this the primary device</source>
        <translation>Haga clic, o pulse Espacio, para convertirlo en el dispositivo principal</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="520"/>
        <source>Remove the secret from this computer</source>
        <translation>Eliminar el secreto de este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="521"/>
        <source>Remove the secret of “%1” from this computer? Its codes are then made only on the phone; the device stays in the ID.me device table and nothing changes in ID.me.</source>
        <translation>¿Eliminar de este equipo el secreto de “%1”? Sus códigos se generarán solo en el teléfono; el dispositivo sigue en la tabla de dispositivos de ID.me y nada cambia en ID.me.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="526"/>
        <source>&amp;Remove secret</source>
        <translation>&amp;Eliminar secreto</translation>
    </message>
</context>
<context>
    <name>EnrollWizard</name>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="64"/>
        <location filename="../../ui/wizard/confirm_page.py" line="330"/>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="81"/>
        <source>No QR code yet. Hold the code inside the box.</source>
        <translation>Todavía no hay código QR. Mantenga el código dentro del recuadro.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="86"/>
        <source>QR code found. Hold still while it is read again…</source>
        <translation>Código QR encontrado. No se mueva mientras se vuelve a leer…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="96"/>
        <source>No QR code found in this picture.</source>
        <translation>No se encontró ningún código QR en esta imagen.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="121"/>
        <source>Google Authenticator export: {status}. Scan the next code.</source>
        <translation>Exportación de Google Authenticator: {status}. Escanee el siguiente código.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="130"/>
        <source>This Google Authenticator export holds no code generator this app can use.</source>
        <translation>Esta exportación de Google Authenticator no contiene ningún generador de códigos que esta aplicación pueda usar.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="137"/>
        <source>Google Authenticator export with {n} account(s) found. Choose which to add.</source>
        <translation>Se encontró una exportación de Google Authenticator con {n} cuenta(s). Elija cuáles añadir.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="152"/>
        <source>Unnamed account</source>
        <translation>Cuenta sin nombre</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="156"/>
        <source>Code generator found: {what}. Press Next.</source>
        <translation>Se encontró un generador de códigos: {what}. Pulse Siguiente.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="65"/>
        <source>Add code generator</source>
        <translation>Añadir generador de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="92"/>
        <source>&amp;Add device</source>
        <translation>Añadir &amp;dispositivo</translation>
    </message>
</context>
<context>
    <name>ErxPane</name>
    <message>
        <location filename="../../ui/erx_pane.py" line="158"/>
        <source>eRx Info</source>
        <translation>Información eRx</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="185"/>
        <source>Identity Confirmation</source>
        <translation>Confirmación de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="192"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="194"/>
        <source>Edit identity confirmation</source>
        <translation>Editar la confirmación de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="211"/>
        <source>EPCS Permissions Page</source>
        <translation>página de permisos EPCS</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="198"/>
        <source>Opens DrChrono&apos;s EPCS permissions page in your browser</source>
        <translation>Abre en su navegador la página de permisos EPCS de DrChrono</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="196"/>
        <source>Open the EPCS Permissions Page</source>
        <translation>Abrir la página de permisos EPCS</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="213"/>
        <source>Your identity has now been confirmed.</source>
        <translation>Su identidad ya ha sido confirmada.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="215"/>
        <source>Your identity has now been confirmed (%1).</source>
        <translation>Su identidad ya ha sido confirmada (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="217"/>
        <location filename="../../ui/erx_pane.py" line="228"/>
        <source>To adjust future EPCS permissions, visit the %1.</source>
        <translation>Para ajustar futuros permisos EPCS, visite la %1.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="220"/>
        <source>ID.me identity proofing and DrChrono&apos;s approval are both needed before you can send EPCS.</source>
        <translation>Necesita la verificación de identidad de ID.me y la aprobación de DrChrono antes de enviar EPCS.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="224"/>
        <source>Your identity has not been confirmed yet.</source>
        <translation>Su identidad aún no ha sido confirmada.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="237"/>
        <source>ID.me Device Information</source>
        <translation>Información de dispositivos ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="240"/>
        <location filename="../../ui/erx_pane.py" line="471"/>
        <source>What happens to my MFA when I change my phone?</source>
        <translation>¿Qué pasa con mi MFA si cambio de teléfono?</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="245"/>
        <source>&amp;Update MFA Device</source>
        <translation>Actualizar dispositivo &amp;MFA</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="247"/>
        <source>Opens ID.me Sign In &amp; Security in your browser</source>
        <translation>Abre “Inicio de sesión y seguridad” de ID.me en su navegador</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="259"/>
        <source>ID.me devices</source>
        <translation>Dispositivos ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="302"/>
        <source>Compliance warning</source>
        <translation>Advertencia de cumplimiento</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="306"/>
        <source>&amp;Record a phone or push device…</source>
        <translation>&amp;Registrar un teléfono o dispositivo push…</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="308"/>
        <source>A push-notification phone or a code generator app on another device</source>
        <translation>Un teléfono con notificaciones push o una aplicación generadora de códigos en otro dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="310"/>
        <source>F2 renames, Delete removes, Space selects the primary device.</source>
        <translation>F2 cambia el nombre, Supr elimina, Espacio elige el dispositivo principal.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="351"/>
        <source>Select as primary device</source>
        <translation>Seleccionar como dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="354"/>
        <source>Rename</source>
        <translation>Cambiar nombre</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="357"/>
        <source>Move to a phone…</source>
        <translation>Pasar a un teléfono…</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="361"/>
        <source>Remove the secret from this computer…</source>
        <translation>Eliminar el secreto de este equipo…</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="363"/>
        <source>Not an ID.me device (keep its code under other accounts)</source>
        <translation>No es un dispositivo de ID.me (conservar su código en otras cuentas)</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="366"/>
        <source>Remove…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="388"/>
        <source>“%1” is now the primary device</source>
        <translation>“%1” es ahora el dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="416"/>
        <source>“%1” is listed under other accounts, not as an ID.me device</source>
        <translation>“%1” aparece en otras cuentas, no como dispositivo de ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="437"/>
        <source>The secret of “%1” was removed from this computer</source>
        <translation>Se eliminó de este equipo el secreto de “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="448"/>
        <source>Removed “%1”</source>
        <translation>Se eliminó “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="485"/>
        <source>Prescriber Info</source>
        <translation>Información del prescriptor</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="496"/>
        <source>Sa&amp;ve Prescriber Info</source>
        <translation>&amp;Guardar información del prescriptor</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="498"/>
        <source>&amp;Discard the draft</source>
        <translation>&amp;Descartar el borrador</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="536"/>
        <source>Your unsaved Prescriber Info from before the lock is back: save it, or discard the draft.</source>
        <translation>Ha vuelto su información del prescriptor sin guardar de antes del bloqueo: guárdela o descarte el borrador.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="559"/>
        <source>Prescriber Info saved</source>
        <translation>Información del prescriptor guardada</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="572"/>
        <source>Your primary device generates its codes on this computer. {notice}</source>
        <translation>Su dispositivo principal genera sus códigos en este equipo. {notice}</translation>
    </message>
</context>
<context>
    <name>ExistingPasswordField</name>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="193"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="55"/>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="74"/>
        <source>Export code generators</source>
        <translation>Exportar generadores de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="78"/>
        <source>File format</source>
        <translation>Formato de archivo</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="84"/>
        <source>Export file</source>
        <translation>Archivo de exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="85"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="95"/>
        <source>E&amp;xport password:</source>
        <translation>Contraseña de e&amp;xportación:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="96"/>
        <source>Re&amp;peat it:</source>
        <translation>Re&amp;pítala:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="97"/>
        <source>Export password</source>
        <translation>Contraseña de exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="102"/>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="103"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="108"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="122"/>
        <source>1 code generator held in this profile will be exported.</source>
        <translation>Se exportará 1 generador de códigos de este perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="125"/>
        <source>%1 code generators held in this profile will be exported.</source>
        <translation>Se exportarán %1 generadores de códigos de este perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="165"/>
        <source>Choose the file to export to.</source>
        <translation>Elija el archivo al que exportar.</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="64"/>
        <source>Set up a profile for a clinician</source>
        <translation>Preparar un perfil para un profesional</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="69"/>
        <source>Create the clinician&apos;s profile with a temporary password and give it to them in person. At their first unlock they must choose their own password; after that, no one else can read this profile&apos;s codes.</source>
        <translation>Cree el perfil del profesional con una contraseña temporal y entréguesela en persona. La primera vez que lo desbloquee deberá elegir su propia contraseña; a partir de entonces, nadie más podrá leer los códigos de este perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="77"/>
        <source>your name (optional)</source>
        <translation>su nombre (opcional)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/frontdesk/handover.py" line="79"/>
        <source>at least %n characters</source>
        <translation>
            <numerusform>al menos %n carácter</numerusform>
            <numerusform>al menos %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="80"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generar</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="95"/>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nombre del perfil:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="97"/>
        <source>&amp;Temporary password:</source>
        <translation>Contraseña &amp;temporal:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="99"/>
        <source>Temporary password</source>
        <translation>Contraseña temporal</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="102"/>
        <source>Set &amp;up by:</source>
        <translation>Preparado p&amp;or:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="103"/>
        <source>Prescriber Info</source>
        <translation>Información del prescriptor</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="108"/>
        <source>C&amp;reate profile</source>
        <translation>C&amp;rear perfil</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="250"/>
        <source>Temporary password (shown only now; the clinician replaces it at the first unlock):</source>
        <translation>Contraseña temporal (se muestra solo ahora; el profesional la sustituye al desbloquear por primera vez):</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="270"/>
        <source>&amp;Print the hand-over slip…</source>
        <translation>&amp;Imprimir la hoja de entrega…</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="290"/>
        <source>Give this temporary password to the clinician in person, and no one else.</source>
        <translation>Entregue esta contraseña temporal al profesional en persona, y a nadie más.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="330"/>
        <source>This slip holds no code and no other password: the temporary password stops working once the clinician has chosen their own. Shred the slip then.</source>
        <translation>Esta hoja no contiene ningún código ni otra contraseña: la contraseña temporal deja de funcionar en cuanto el profesional elige la suya. Destruya entonces la hoja.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="358"/>
        <source>Hand-over slip sent to the printer.</source>
        <translation>Hoja de entrega enviada a la impresora.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="216"/>
        <source>Check the “%1” field.</source>
        <translation>Revise el campo “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="219"/>
        <source>Check the “%1” and “%2” fields.</source>
        <translation>Revise los campos “%1” y “%2”.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="272"/>
        <source>&amp;Done</source>
        <translation>&amp;Listo</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="292"/>
        <source>At the lock screen they choose the profile “%1” and unlock it with that password.</source>
        <translation>En la pantalla de bloqueo elige el perfil “%1” y lo desbloquea con esa contraseña.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="294"/>
        <source>They are then asked to choose their own password; after that no one else can open it.</source>
        <translation>Después se le pide elegir su propia contraseña; a partir de entonces nadie más puede abrirlo.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="296"/>
        <source>Next they add their phone&apos;s code generator (File &gt; Add code generator) and select it as the primary device in DrChrono&apos;s eRx Info.</source>
        <translation>Luego añade el generador de códigos de su teléfono (Archivo &gt; Añadir generador de códigos) y lo selecciona como dispositivo principal en eRx Info de DrChrono.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="302"/>
        <source>The profile “%1” is ready</source>
        <translation>El perfil “%1” está listo</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="305"/>
        <source>Temporary password: %1</source>
        <translation>Contraseña temporal: %1</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="308"/>
        <source>Tell the clinician:</source>
        <translation>Indique al profesional:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="319"/>
        <source>EPCS Desktop hand-over — %1</source>
        <translation>Entrega de EPCS Desktop: %1</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="323"/>
        <source>Set up by %1.</source>
        <translation>Preparado por %1.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="324"/>
        <source>Temporary password:</source>
        <translation>Contraseña temporal:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="327"/>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="109"/>
        <source>Identity Confirmation</source>
        <translation>Confirmación de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="111"/>
        <source>My identity has been &amp;confirmed by ID.me in DrChrono</source>
        <translation>ID.me ha &amp;confirmado mi identidad en DrChrono</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="122"/>
        <source>What is still missing, e.g. “waiting for DrChrono approval”</source>
        <translation>Lo que aún falta, p. ej. “esperando la aprobación de DrChrono”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="128"/>
        <source>Confirmed &amp;on:</source>
        <translation>Confirmada &amp;el:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="129"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
</context>
<context>
    <name>ImagePage</name>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="469"/>
        <source>Open an image</source>
        <translation>Abrir una imagen</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="470"/>
        <source>Choose a screenshot or photo of the QR code ({formats}).</source>
        <translation>Elija una captura o foto del código QR ({formats}).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="473"/>
        <source>Image file</source>
        <translation>Archivo de imagen</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="474"/>
        <source>Path to the image, then Enter</source>
        <translation>Ruta de la imagen y luego Intro</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="475"/>
        <source>B&amp;rowse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="476"/>
        <source>Choose an image file</source>
        <translation>Elegir un archivo de imagen</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="477"/>
        <source>&amp;Image:</source>
        <translation>Ima&amp;gen:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="502"/>
        <source>Open an image of the QR code</source>
        <translation>Abrir una imagen del código QR</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="503"/>
        <source>Images ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="522"/>
        <source>Reading the image…</source>
        <translation>Leyendo la imagen…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="530"/>
        <source>No QR code found in this image.</source>
        <translation>No se encontró ningún código QR en esta imagen.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="72"/>
        <source>Import from another app</source>
        <translation>Importar desde otra aplicación</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="81"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="82"/>
        <source>Add export &amp;files…</source>
        <translation>Añadir &amp;archivos de exportación…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="75"/>
        <source>Add the code generators from another authenticator&apos;s export (Aegis, 2FAS, andOTP, FreeOTP, Bitwarden, Proton, ente, Authenticator Pro, LastPass, Steam, KeePass and more), Google Authenticator export screenshots, or a list of otpauth links. Nothing is added until you press Import.</source>
        <translation>Añada los generadores de códigos de la exportación de otra aplicación de autenticación (Aegis, 2FAS, andOTP, FreeOTP, Bitwarden, Proton, ente, Authenticator Pro, LastPass, Steam, KeePass y más), de capturas de la exportación de Google Authenticator o de una lista de enlaces otpauth. No se añade nada hasta que pulse Importar.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="84"/>
        <source>Export files of other authenticator apps, otpauth link lists or QR code pictures</source>
        <translation>Archivos de exportación de otras aplicaciones de autenticación, listas de enlaces otpauth o imágenes de códigos QR</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="88"/>
        <source>Or paste otpauth:// or otpauth-migration:// links here</source>
        <translation>O pegue aquí enlaces otpauth:// u otpauth-migration://</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="89"/>
        <source>Pasted links</source>
        <translation>Enlaces pegados</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="92"/>
        <source>Read the pasted &amp;links</source>
        <translation>Leer los en&amp;laces pegados</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="100"/>
        <source>Export file password</source>
        <translation>Contraseña del archivo de exportación</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="103"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="114"/>
        <source>What will be imported</source>
        <translation>Lo que se importará</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="161"/>
        <source>Choose export files</source>
        <translation>Elija los archivos de exportación</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="163"/>
        <source>Authenticator exports</source>
        <translation>Exportaciones de autenticadores</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="165"/>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="223"/>
        <source>Paste one or more otpauth links first.</source>
        <translation>Pegue primero uno o más enlaces otpauth.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="226"/>
        <source>pasted text</source>
        <translation>texto pegado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="245"/>
        <source>Add: {label} as “{nickname}”</source>
        <translation>Añadir: {label} como “{nickname}”</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="249"/>
        <source>(counter-based: press Next code for each code)</source>
        <translation>(basado en contador: pulse Código siguiente para cada código)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="251"/>
        <source>(Steam Guard)</source>
        <translation>(Steam Guard)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="253"/>
        <source>Skip: {label} is already in this profile as “{nickname}”</source>
        <translation>Omitir: {label} ya está en este perfil como “{nickname}”</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="257"/>
        <source>Skip: {label} appears earlier in this import</source>
        <translation>Omitir: {label} aparece antes en esta importación</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="259"/>
        <source>Not added: {label}: {reason}</source>
        <translation>No se añade: {label}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="265"/>
        <source>Problem: {where}{message}</source>
        <translation>Problema: {where}{message}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="269"/>
        <source>No code generator was found yet.</source>
        <translation>Todavía no se ha encontrado ningún generador de códigos.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="271"/>
        <source>1 code generator will be added.</source>
        <translation>Se añadirá 1 generador de códigos.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="273"/>
        <source>%1 code generators will be added.</source>
        <translation>Se añadirán %1 generadores de códigos.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/import_page.py" line="289"/>
        <source>Nothing was imported: {reason}</source>
        <translation>No se importó nada: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>Unlocked “%1”</source>
        <translation>“%1” desbloqueado</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>ID.me devices and other accounts</source>
        <translation>Dispositivos de ID.me y otras cuentas</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>This version lists ID.me devices apart from the codes of other accounts. Nothing was removed; these rows changed place:</source>
        <translation>Esta versión muestra los dispositivos de ID.me separados de los códigos de otras cuentas. No se eliminó nada; estas filas cambiaron de lugar:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>&amp;Add code generator…</source>
        <translation>&amp;Añadir generador de códigos…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>&amp;Record a phone or push device…</source>
        <translation>&amp;Registrar un teléfono o dispositivo push…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Hacer una copia de seguridad ahora…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>R&amp;estore from backup…</source>
        <translation>R&amp;estaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>E&amp;xport code generators…</source>
        <translation>E&amp;xportar generadores de códigos…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>S&amp;witch profile…</source>
        <translation>Ca&amp;mbiar de perfil…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>&amp;Change-phone guide…</source>
        <translation>Guía para &amp;cambiar de teléfono…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>&amp;Practice enrollment…</source>
        <translation>&amp;Practicar la inscripción…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>&amp;Activity log…</source>
        <translation>Registro de &amp;actividad…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Save &amp;setup sheet (PDF)…</source>
        <translation>Guardar &amp;hoja de configuración (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>What happens to my MFA when I change my phone?</source>
        <translation>¿Qué pasa con mi MFA si cambio de teléfono?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>&amp;Compliance notice</source>
        <translation>&amp;Aviso de cumplimiento</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>&amp;About EPCS Desktop</source>
        <translation>A&amp;cerca de EPCS Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Other accounts added</source>
        <translation>Otras cuentas añadidas</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>Added under “Other accounts”: %1. Their codes are made here, but they are not ID.me devices and are not in the ID.me device table.</source>
        <translation>Añadidas en “Otras cuentas”: %1. Sus códigos se generan aquí, pero no son dispositivos de ID.me y no están en la tabla de dispositivos de ID.me.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>If one of them is an ID.me device, link it now (or later from its menu).</source>
        <translation>Si una de ellas es un dispositivo de ID.me, vincúlela ahora (o más tarde desde su menú).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>&amp;Link one to an ID.me device…</source>
        <translation>&amp;Vincular una a un dispositivo de ID.me…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Link to an ID.me device</source>
        <translation>Vincular a un dispositivo de ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Which account is an ID.me device?</source>
        <translation>¿Qué cuenta es un dispositivo de ID.me?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="332"/>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>Save setup sheet</source>
        <translation>Guardar hoja de configuración</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>%1 setup sheet.pdf</source>
        <translation>%1 hoja de configuración.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="334"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346"/>
        <source>Setup sheet saved to %1</source>
        <translation>Hoja de configuración guardada en %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>Exported to %1</source>
        <translation>Exportado a %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>About EPCS Desktop</source>
        <translation>Acerca de EPCS Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426"/>
        <source>%1 %2
MFA companion and code generator for DrChrono EPCS with ID.me.</source>
        <translation>%1 %2
Compañero MFA y generador de códigos para EPCS de DrChrono con ID.me.</translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="22"/>
        <source>Add a code generator</source>
        <translation>Añadir un generador de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="25"/>
        <source>On ID.me, choose Sign In &amp; Security › Code Generator › Set Up, then “Enroll with barcode / secret key”. How do you want to read it?</source>
        <translation>En ID.me, elija Sign In &amp; Security › Code Generator › Set Up y luego “Enroll with barcode / secret key”. ¿Cómo quiere leerlo?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="32"/>
        <source>Scan with the &amp;webcam</source>
        <translation>Escanear con la &amp;cámara web</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="32"/>
        <source>Hold a QR code up to the camera.</source>
        <translation>Acerque un código QR a la cámara.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="35"/>
        <source>Scan from the &amp;screen</source>
        <translation>Escanear desde la &amp;pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="36"/>
        <source>The QR code is shown on this computer.</source>
        <translation>El código QR se muestra en este equipo.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="38"/>
        <source>Open an &amp;image file</source>
        <translation>Abrir un archivo de &amp;imagen</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="38"/>
        <source>A screenshot or photo of the QR code.</source>
        <translation>Una captura de pantalla o una foto del código QR.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="41"/>
        <source>Enter the secret &amp;key</source>
        <translation>&amp;Escribir la clave secreta</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="42"/>
        <source>Type or paste the key ID.me shows as text.</source>
        <translation>Escriba o pegue la clave que ID.me muestra como texto.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="46"/>
        <source>Paste an otpauth &amp;link</source>
        <translation>Pegar un en&amp;lace otpauth</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="47"/>
        <source>An otpauth:// or otpauth-migration:// link.</source>
        <translation>Un enlace otpauth:// u otpauth-migration://.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="51"/>
        <source>Import from another a&amp;pp</source>
        <translation>Importar desde &amp;otra aplicación</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="52"/>
        <source>An Aegis or 2FAS export, Google Authenticator export pictures, or a list of links.</source>
        <translation>Una exportación de Aegis o 2FAS, imágenes de la exportación de Google Authenticator o una lista de enlaces.</translation>
    </message>
</context>
<context>
    <name>MoveToPhoneDialog</name>
    <message>
        <location filename="../../ui/move_to_phone.py" line="76"/>
        <source>Move “%1” to a phone</source>
        <translation>Pasar “%1” a un teléfono</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="80"/>
        <source>Open the authenticator app on the phone (for example ID.me Authenticator, Google Authenticator, Aegis or 2FAS), choose to add an account by QR code, and scan the code this window shows.</source>
        <translation>Abra la aplicación de autenticación en el teléfono (por ejemplo ID.me Authenticator, Google Authenticator, Aegis o 2FAS), elija añadir una cuenta con código QR y escanee el código que muestra esta ventana.</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="89"/>
        <source>Anyone who sees this QR code, or takes a photo of it, can make the same sign-in codes. Show it only to the phone, with nobody looking, and close it as soon as the phone has it.</source>
        <translation>Cualquiera que vea este código QR, o le haga una foto, puede generar los mismos códigos de inicio de sesión. Muéstrelo solo al teléfono, sin nadie mirando, y ciérrelo en cuanto el teléfono lo tenga.</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="99"/>
        <source>&amp;Show the QR code</source>
        <translation>&amp;Mostrar el código QR</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="110"/>
        <source>QR code for the phone</source>
        <translation>Código QR para el teléfono</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="115"/>
        <source>&amp;Hide the QR code now</source>
        <translation>&amp;Ocultar ya el código QR</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="120"/>
        <source>Code shown on the phone</source>
        <translation>Código que muestra el teléfono</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="121"/>
        <source>the code the phone shows now</source>
        <translation>el código que muestra ahora el teléfono</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="122"/>
        <source>&amp;Check</source>
        <translation>&amp;Comprobar</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="131"/>
        <source>Code on the &amp;phone:</source>
        <translation>Código del &amp;teléfono:</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="133"/>
        <source>&amp;Remove the secret from this computer</source>
        <translation>&amp;Eliminar el secreto de este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="226"/>
        <source>The phone makes the same codes. “%1” now makes its codes on the phone: it stays in the ID.me device table (on a phone), and nothing changes in ID.me, which still knows it as the same device. This computer still holds its secret: remove it once you no longer need its codes here.</source>
        <translation>El teléfono genera los mismos códigos. “%1” genera ahora sus códigos en el teléfono: sigue en la tabla de dispositivos de ID.me (en un teléfono) y nada cambia en ID.me, que lo sigue conociendo como el mismo dispositivo. Este equipo aún guarda su secreto: elimínelo cuando ya no necesite sus códigos aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="266"/>
        <source>The secret of “%1” was removed from this computer. The device stays in the ID.me device table, on the phone; nothing changes in ID.me.</source>
        <translation>Se eliminó de este equipo el secreto de “%1”. El dispositivo sigue en la tabla de dispositivos de ID.me, en el teléfono; nada cambia en ID.me.</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="184"/>
        <source>The QR code hides itself in 1 second.</source>
        <translation>El código QR se ocultará en 1 segundo.</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="187"/>
        <source>The QR code hides itself in %1 seconds.</source>
        <translation>El código QR se ocultará en %1 segundos.</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="207"/>
        <source>The QR code is hidden. Type the password again to show it.</source>
        <translation>El código QR está oculto. Escriba de nuevo la contraseña para mostrarlo.</translation>
    </message>
    <message>
        <location filename="../../ui/move_to_phone.py" line="241"/>
        <source>That is not the code this generator makes now. Check that the phone scanned this QR code and type the code it shows now.</source>
        <translation>Ese no es el código que genera ahora este generador. Compruebe que el teléfono escaneó este código QR y escriba el código que muestra ahora.</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="399"/>
        <source>Choose your own password</source>
        <translation>Elija su propia contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="403"/>
        <source>This profile was set up for you by {staff} with a temporary password.</source>
        <translation>{staff} preparó este perfil para usted con una contraseña temporal.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="405"/>
        <source>This profile was set up for you with a temporary password.</source>
        <translation>Este perfil se preparó para usted con una contraseña temporal.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="409"/>
        <source>Choose a password only you know before using it; the temporary one stops working.</source>
        <translation>Antes de usarlo, elija una contraseña que solo usted conozca; la temporal dejará de funcionar.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="414"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="414"/>
        <source>C&amp;onfirm:</source>
        <translation>C&amp;onfirmar:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="419"/>
        <source>&amp;Set my password</source>
        <translation>&amp;Establecer mi contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="420"/>
        <source>&amp;Lock profile</source>
        <translation>&amp;Bloquear el perfil</translation>
    </message>
</context>
<context>
    <name>OtherDeviceDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="161"/>
        <source>Record a phone or push device</source>
        <translation>Registrar un teléfono o un dispositivo push</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="163"/>
        <source>e.g. My iPhone</source>
        <translation>p. ej., Mi iPhone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="165"/>
        <source>Push Notification 2FA (ID.me Authenticator)</source>
        <translation>2FA por notificación push (ID.me Authenticator)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="167"/>
        <source>Generate 2FA Key (code generator app on another device)</source>
        <translation>Generar clave 2FA (aplicación generadora de códigos en otro dispositivo)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="170"/>
        <source>Make this the &amp;primary device</source>
        <translation>Convertir en el dispositivo &amp;principal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="173"/>
        <source>List a device you set up in ID.me so this table matches DrChrono&apos;s eRx Info tab.</source>
        <translation>Anote un dispositivo que configuró en ID.me para que esta tabla coincida con la pestaña eRx Info de DrChrono.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="178"/>
        <source>&amp;Name your device:</source>
        <translation>&amp;Nombre del dispositivo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="179"/>
        <source>&amp;Option:</source>
        <translation>&amp;Opción:</translation>
    </message>
</context>
<context>
    <name>PasswordEntry</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/password_entry.py" line="69"/>
        <source>at least %n characters</source>
        <translation>
            <numerusform>al menos %n carácter</numerusform>
            <numerusform>al menos %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="70"/>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="73"/>
        <source>type it again</source>
        <translation>escríbala de nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="74"/>
        <source>Repeat the password</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="80"/>
        <source>Password strength</source>
        <translation>Solidez de la contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="94"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="96"/>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repita la contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="118"/>
        <source>Strength: %1.</source>
        <translation>Solidez: %1.</translation>
    </message>
</context>
<context>
    <name>PasteLinkPage</name>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="179"/>
        <source>Paste an otpauth link</source>
        <translation>Pegar un enlace otpauth</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="181"/>
        <source>Paste the otpauth:// link your authenticator or password manager exported.</source>
        <translation>Pegue el enlace otpauth:// que exportó su autenticador o su gestor de contraseñas.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="186"/>
        <source>otpauth link</source>
        <translation>Enlace otpauth</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="188"/>
        <source>&amp;Link:</source>
        <translation>En&amp;lace:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="221"/>
        <source>The link is valid: {what}.</source>
        <translation>El enlace es válido: {what}.</translation>
    </message>
</context>
<context>
    <name>PictureDrop</name>
    <message>
        <location filename="../../ui/picture_drop.py" line="81"/>
        <source>The clipboard holds no picture or file to add a code generator from.</source>
        <translation>El portapapeles no contiene ninguna imagen ni archivo con el que añadir un generador de códigos.</translation>
    </message>
    <message>
        <location filename="../../ui/picture_drop.py" line="110"/>
        <source>No QR code found in the pasted picture.</source>
        <translation>No se encontró ningún código QR en la imagen pegada.</translation>
    </message>
</context>
<context>
    <name>PracticeDialog</name>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="49"/>
        <source>PRACTICE — this is not ID.me. Nothing real is changed.</source>
        <translation>PRÁCTICA — esto no es ID.me. No se cambia nada real.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="105"/>
        <source>PRACTICE enrollment — not ID.me</source>
        <translation>Inscripción de PRÁCTICA — no es ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="113"/>
        <source>End practice</source>
        <translation>Terminar la práctica</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="125"/>
        <source>SECURE YOUR ACCOUNT (practice)</source>
        <translation>PROTEJA SU CUENTA (práctica)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="126"/>
        <source>Step 1 of 3 — choose how to enroll your code generator.</source>
        <translation>Paso 1 de 3: elija cómo inscribir su generador de códigos.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="128"/>
        <source>Enroll in Code Generator with an activation link (text message / email)</source>
        <translation>Inscribirse en el generador de códigos con un enlace de activación (mensaje de texto / correo electrónico)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="132"/>
        <source>Not part of the practice: it needs ID.me to send you a message.</source>
        <translation>No forma parte de la práctica: requiere que ID.me le envíe un mensaje.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="134"/>
        <source>Enroll with &amp;barcode / secret key</source>
        <translation>Inscribirse con código de &amp;barras / clave secreta</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="139"/>
        <source>At ID.me, if the QR code fails to work, the text message option is the alternative.</source>
        <translation>En ID.me, si el código QR no funciona, la alternativa es la opción de mensaje de texto.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="144"/>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="176"/>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="222"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="152"/>
        <source>Enroll with barcode / secret key (practice)</source>
        <translation>Inscribirse con código de barras / clave secreta (práctica)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="155"/>
        <source>Step 2 of 3 — in your authenticator app tap the scan (+) icon and scan this PRACTICE code, or type the secret key below. You can also enroll it in this program with the wizard (from the screen or the webcam); it will be removed when the practice ends.</source>
        <translation>Paso 2 de 3: en su aplicación de autenticación toque el icono de escanear (+) y escanee este código de PRÁCTICA, o escriba la clave secreta de abajo. También puede inscribirlo en este programa con el asistente (desde la pantalla o la cámara web); se eliminará cuando termine la práctica.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="165"/>
        <source>Practice QR code</source>
        <translation>Código QR de práctica</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="167"/>
        <source>Secret key: {key}</source>
        <translation>Clave secreta: {key}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="172"/>
        <source>Issuer: {issuer}</source>
        <translation>Emisor: {issuer}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="174"/>
        <source>&amp;Enroll it in this program…</source>
        <translation>&amp;Inscribirlo en este programa…</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="190"/>
        <source>Confirm your device (practice)</source>
        <translation>Confirme su dispositivo (práctica)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="193"/>
        <source>Step 3 of 3 — check your code generator app and enter the 6-digit code to complete securing your (practice) account.</source>
        <translation>Paso 3 de 3: consulte su aplicación generadora de códigos y escriba el código de 6 dígitos para terminar de proteger su cuenta (de práctica).</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="200"/>
        <source>Enter the 6-digit code</source>
        <translation>Escriba el código de 6 dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="203"/>
        <source>ex. My iPhone (optional)</source>
        <translation>p. ej., Mi iPhone (opcional)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="204"/>
        <source>Enter the 6-&amp;digit code</source>
        <translation>Escriba el código de 6 &amp;dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="206"/>
        <source>&amp;Name your device</source>
        <translation>&amp;Nombre del dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="208"/>
        <source>6-digit code</source>
        <translation>Código de 6 dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="209"/>
        <source>Device name</source>
        <translation>Nombre del dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="220"/>
        <source>Go &amp;back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="286"/>
        <source>Finish practice</source>
        <translation>Finalizar la práctica</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="294"/>
        <source>The enrollment wizard is not available in this build.</source>
        <translation>El asistente de inscripción no está disponible en esta versión.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="312"/>
        <source>The practice generator was added here for now; it is removed when the practice ends.</source>
        <translation>El generador de práctica se añadió aquí por ahora; se eliminará cuando termine la práctica.</translation>
    </message>
</context>
<context>
    <name>PrescriberForm</name>
    <message>
        <location filename="../../ui/widgets/prescriber_form.py" line="39"/>
        <source>two letters and seven digits, e.g. AB1234563</source>
        <translation>dos letras y siete dígitos, p. ej. AB1234563</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/prescriber_form.py" line="42"/>
        <source>ten digits</source>
        <translation>diez dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/prescriber_form.py" line="47"/>
        <source>&amp;State:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/prescriber_form.py" line="48"/>
        <source>State &amp;License Number:</source>
        <translation>Número de &amp;licencia estatal:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/prescriber_form.py" line="49"/>
        <source>&amp;DEA Number:</source>
        <translation>Número &amp;DEA:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/prescriber_form.py" line="51"/>
        <source>N&amp;PI:</source>
        <translation>N&amp;PI:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/prescriber_form.py" line="94"/>
        <source>DEA Number</source>
        <translation>Número DEA</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/prescriber_form.py" line="96"/>
        <source>NPI</source>
        <translation>NPI</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/prescriber_form.py" line="120"/>
        <source>✓ valid format</source>
        <translation>✓ formato válido</translation>
    </message>
</context>
<context>
    <name>ReauthPrompt</name>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="234"/>
        <source>Profile password</source>
        <translation>Contraseña del perfil</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="235"/>
        <source>Profile &amp;password:</source>
        <translation>&amp;Contraseña del perfil:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="269"/>
        <source>Type the profile password to continue.</source>
        <translation>Escriba la contraseña del perfil para continuar.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_entry.py" line="287"/>
        <source>That is not this profile&apos;s password.</source>
        <translation>Esa no es la contraseña de este perfil.</translation>
    </message>
</context>
<context>
    <name>RemoveDeviceDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="53"/>
        <source>Remove device</source>
        <translation>Eliminar dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="56"/>
        <source>Remove “%1” from this profile?</source>
        <translation>¿Eliminar “%1” de este perfil?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="59"/>
        <source>Its secret key is deleted from this computer. Also delete the device in your ID.me account (Sign In &amp; Security), or ID.me will keep asking for its codes.</source>
        <translation>Su clave secreta se borra de este equipo. Elimine también el dispositivo en su cuenta de ID.me (Inicio de sesión y seguridad), o ID.me seguirá pidiendo sus códigos.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="64"/>
        <source>This only changes this companion list; also delete it in your ID.me account.</source>
        <translation>Esto solo cambia esta lista; elimínelo también en su cuenta de ID.me.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="70"/>
        <source>New primary device</source>
        <translation>Nuevo dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="74"/>
        <source>New &amp;primary device:</source>
        <translation>Nuevo dispositivo &amp;principal:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="83"/>
        <source>&amp;Remove</source>
        <translation>&amp;Eliminar</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="273"/>
        <location filename="../../ui/backup_dialogs.py" line="462"/>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="284"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="285"/>
        <source>&amp;Read backup</source>
        <translation>&amp;Leer la copia</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="286"/>
        <source>&amp;Restore…</source>
        <translation>Re&amp;staurar…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="298"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="299"/>
        <source>Backup password</source>
        <translation>Contraseña de la copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="301"/>
        <source>Backup &amp;password:</source>
        <translation>&amp;Contraseña de la copia:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="310"/>
        <source>&amp;Merge: add what is missing, keep everything here</source>
        <translation>&amp;Combinar: añadir lo que falta y conservar todo lo que hay aquí</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="311"/>
        <source>Re&amp;place: make this profile exactly the backup</source>
        <translation>Re&amp;emplazar: dejar este perfil exactamente como la copia</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="326"/>
        <source>What will change:</source>
        <translation>Lo que cambiará:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="328"/>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="359"/>
        <source>Choose the backup file to restore.</source>
        <translation>Elija el archivo de copia de seguridad que desea restaurar.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="362"/>
        <source>Enter the backup password.</source>
        <translation>Escriba la contraseña de la copia de seguridad.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="384"/>
        <source>Backup of profile “%1” made %2, with 1 device.</source>
        <translation>Copia del perfil “%1” hecha el %2, con 1 dispositivo.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="386"/>
        <source>Backup of profile “%1” made %2, with %3 devices.</source>
        <translation>Copia del perfil “%1” hecha el %2, con %3 dispositivos.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="416"/>
        <source>This backup was made from the profile “%1”, and nothing in it (NPI, DEA number, clinician id) matches “%2”: it looks like another clinician&apos;s. Replacing makes this profile exactly their backup: their secret keys, Prescriber Info and settings.</source>
        <translation>Esta copia se hizo del perfil “%1” y nada en ella (NPI, número DEA, identificador del profesional) coincide con “%2”: parece de otro profesional. Sustituir convierte este perfil exactamente en su copia: sus claves secretas, su información del prescriptor y sus ajustes.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="422"/>
        <source>This backup was made from the profile “%1”, and nothing in it (NPI, DEA number, clinician id) matches “%2”: it looks like another clinician&apos;s. Their secret keys would be added here. Their Prescriber Info is never merged in.</source>
        <translation>Esta copia se hizo del perfil “%1” y nada en ella (NPI, número DEA, identificador del profesional) coincide con “%2”: parece de otro profesional. Sus claves secretas se añadirían aquí. Su información del prescriptor nunca se combina.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="430"/>
        <source>&amp;Yes, restore the backup of “%1” into “%2”</source>
        <translation>&amp;Sí, restaurar la copia de “%1” en “%2”</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="454"/>
        <source>Replace everything in “%1” with this backup? Devices, prescriber info and settings that are not in the backup are deleted from this profile.</source>
        <translation>¿Reemplazar todo el contenido de “%1” con esta copia de seguridad? Los dispositivos, la información del prescriptor y la configuración que no estén en la copia se borrarán de este perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="457"/>
        <source>&amp;Replace</source>
        <translation>&amp;Reemplazar</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="459"/>
        <source>Merge this backup into “%1”? Nothing already here is removed.</source>
        <translation>¿Combinar esta copia de seguridad con “%1”? No se elimina nada de lo que ya hay aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="461"/>
        <source>&amp;Merge</source>
        <translation>&amp;Combinar</translation>
    </message>
</context>
<context>
    <name>ScanPreview</name>
    <message>
        <location filename="../../ui/scanner.py" line="413"/>
        <source>Camera preview</source>
        <translation>Vista previa de la cámara</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.py" line="414"/>
        <source>Hold the QR code inside the box.</source>
        <translation>Mantenga el código QR dentro del recuadro.</translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message>
        <location filename="../../ui/scanner.py" line="265"/>
        <source>The camera stopped working. Try another camera or open an image.</source>
        <translation>La cámara dejó de funcionar. Pruebe otra cámara o abra una imagen.</translation>
    </message>
</context>
<context>
    <name>ScreenPage</name>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="363"/>
        <source>Scan from the screen</source>
        <translation>Escanear desde la pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="365"/>
        <source>Show the QR code in your browser, uncovered, then press Scan. Every screen is searched.</source>
        <translation>Muestre el código QR en su navegador, sin taparlo, y pulse Escanear. Se buscará en todas las pantallas.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="370"/>
        <source>&amp;Scan the screen</source>
        <translation>Escanear la &amp;pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="371"/>
        <source>Scan the screen</source>
        <translation>Escanear la pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="384"/>
        <source>Press Scan when the QR code is visible.</source>
        <translation>Pulse Escanear cuando el código QR esté visible.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="400"/>
        <source>Looking at the screen…</source>
        <translation>Examinando la pantalla…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="422"/>
        <source>This system did not allow a screen capture. Open an image or enter the key instead.</source>
        <translation>Este sistema no permitió capturar la pantalla. Abra una imagen o escriba la clave.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="440"/>
        <source>No QR code found on the screen. Make sure it is fully visible.</source>
        <translation>No se encontró ningún código QR en la pantalla. Asegúrese de que se vea completo.</translation>
    </message>
</context>
<context>
    <name>SecretKeyPage</name>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="58"/>
        <source>Enter the secret key</source>
        <translation>Escriba la clave secreta</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="60"/>
        <source>Type or paste the key ID.me shows. Spaces, hyphens and lower case are fine.</source>
        <translation>Escriba o pegue la clave que muestra ID.me. Se admiten espacios, guiones y minúsculas.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="66"/>
        <source>Secret key</source>
        <translation>Clave secreta</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="67"/>
        <source>e.g. ABCD EFGH IJKL MNOP</source>
        <translation>p. ej., ABCD EFGH IJKL MNOP</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="69"/>
        <source>Issuer</source>
        <translation>Emisor</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="71"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="72"/>
        <source>Your ID.me e-mail address (optional)</source>
        <translation>Su correo electrónico de ID.me (opcional)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="76"/>
        <source>&amp;Advanced</source>
        <translation>A&amp;vanzado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="80"/>
        <source>Show advanced settings</source>
        <translation>Mostrar la configuración avanzada</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="84"/>
        <source>Algorithm</source>
        <translation>Algoritmo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="88"/>
        <source>Digits</source>
        <translation>Dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="92"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="93"/>
        <source>Period in seconds</source>
        <translation>Periodo en segundos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="95"/>
        <source>A&amp;lgorithm:</source>
        <translation>A&amp;lgoritmo:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="96"/>
        <source>&amp;Digits:</source>
        <translation>&amp;Dígitos:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="97"/>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="98"/>
        <source>ID.me uses SHA1, 6 digits, 30 seconds. Change these only if told to.</source>
        <translation>ID.me usa SHA1, 6 dígitos y 30 segundos. Cámbielos solo si se lo indican.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="104"/>
        <source>Secret &amp;key:</source>
        <translation>&amp;Clave secreta:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="105"/>
        <source>&amp;Issuer:</source>
        <translation>&amp;Emisor:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="106"/>
        <source>A&amp;ccount:</source>
        <translation>C&amp;uenta:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="154"/>
        <source>The key looks right.</source>
        <translation>La clave parece correcta.</translation>
    </message>
</context>
<context>
    <name>SectionedCodeDelegate</name>
    <message>
        <location filename="../../ui/codes_pane.py" line="94"/>
        <source>ID.me devices</source>
        <translation>Dispositivos de ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="95"/>
        <source>Other accounts (not ID.me)</source>
        <translation>Otras cuentas (no de ID.me)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="245"/>
        <source>policy file %1</source>
        <translation>archivo de directivas %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="246"/>
        <source>configuration profile %1</source>
        <translation>perfil de configuración %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="251"/>
        <source>Windows registry</source>
        <translation>Registro de Windows</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="262"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="267"/>
        <source>These settings belong to this profile and are stored in it, encrypted.</source>
        <translation>Esta configuración pertenece a este perfil y se guarda en él, cifrada.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="279"/>
        <source>Your practice&apos;s policy could not be read: {problem}</source>
        <translation>No se pudo leer la política de su consultorio: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="314"/>
        <source>Set by your practice&apos;s IT ({source})</source>
        <translation>Establecido por el departamento de TI de su consultorio ({source})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="343"/>
        <source>&lt;b&gt;On this computer&lt;/b&gt;</source>
        <translation>&lt;b&gt;En este equipo&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="348"/>
        <source>Same as the computer</source>
        <translation>Igual que el equipo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="354"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="355"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="359"/>
        <source>Same as the desktop</source>
        <translation>Igual que el escritorio</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="360"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="361"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="365"/>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="366"/>
        <source>A&amp;ppearance:</source>
        <translation>A&amp;pariencia:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="370"/>
        <source>&amp;Keep running in the notification area when the window is closed</source>
        <translation>&amp;Seguir en funcionamiento en el área de notificación al cerrar la ventana</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="376"/>
        <source>A new language shows fully the next time EPCS Desktop starts.</source>
        <translation>Un idioma nuevo se muestra por completo la próxima vez que se inicie EPCS Desktop.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="461"/>
        <source>No camera was found</source>
        <translation>No se encontró ninguna cámara</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="467"/>
        <source>Camera {number}</source>
        <translation>Cámara {number}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="470"/>
        <source>Camera {number} (not connected)</source>
        <translation>Cámara {number} (no conectada)</translation>
    </message>
</context>
<context>
    <name>SetupSheet</name>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="39"/>
        <source>Use these codes only as ID.me allows for your account, keep a second device enrolled, and do not let anyone else use your sign-in or your codes.</source>
        <translation>Use estos códigos solo como ID.me lo permita para su cuenta, mantenga inscrito un segundo dispositivo y no deje que nadie más use su inicio de sesión ni sus códigos.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="44"/>
        <source>This sheet contains no secret keys, no codes and no QR codes.</source>
        <translation>Esta hoja no contiene claves secretas, códigos ni códigos QR.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="71"/>
        <source>Identity confirmation not recorded.</source>
        <translation>No consta la confirmación de identidad.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="73"/>
        <source>Identity confirmed by ID.me on {date}.</source>
        <translation>Identidad confirmada por ID.me el {date}.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="76"/>
        <source>Identity confirmed by ID.me.</source>
        <translation>Identidad confirmada por ID.me.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="84"/>
        <source>Step {number}: {title}</source>
        <translation>Paso {number}: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="100"/>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="258"/>
        <source>EPCS MFA setup sheet — {name}</source>
        <translation>Hoja de configuración de MFA para EPCS — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="102"/>
        <source>Printed {when} by EPCS Desktop.</source>
        <translation>Impresa el {when} por EPCS Desktop.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="103"/>
        <source>Identity confirmation</source>
        <translation>Confirmación de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="105"/>
        <source>ID.me Device Information</source>
        <translation>Información de dispositivos ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="116"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="117"/>
        <source>Option</source>
        <translation>Opción</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="118"/>
        <source>Primary Device</source>
        <translation>Dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="122"/>
        <source>Texts in “quotes” are DrChrono&apos;s own labels, as DrChrono shows them.</source>
        <translation>Los textos entre “comillas” son las etiquetas propias de DrChrono, tal como DrChrono las muestra (en inglés).</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="128"/>
        <source>Primary device: {name}.</source>
        <translation>Dispositivo principal: {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="132"/>
        <source>No device is recorded in this profile yet.</source>
        <translation>Aún no hay ningún dispositivo registrado en este perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="135"/>
        <source>Prescriber Info</source>
        <translation>Información del prescriptor</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="137"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="138"/>
        <source>License Number</source>
        <translation>Número de licencia</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="139"/>
        <source>DEA Number</source>
        <translation>Número DEA</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="140"/>
        <source>NPI</source>
        <translation>NPI</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="142"/>
        <source>Changing the MFA device: steps done and left</source>
        <translation>Cambio del dispositivo MFA: pasos completados y pendientes</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="149"/>
        <source>{done} of {total} steps done.</source>
        <translation>{done} de {total} pasos completados.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="152"/>
        <source>Done:</source>
        <translation>Completados:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="154"/>
        <source>Left:</source>
        <translation>Pendientes:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="158"/>
        <source>No device change in progress. When changing phones, follow these steps:</source>
        <translation>No hay ningún cambio de dispositivo en curso. Cuando cambie de teléfono, siga estos pasos:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="165"/>
        <source>Compliance notice</source>
        <translation>Aviso de cumplimiento</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="237"/>
        <source>The setup sheet cannot be written there: {problem}.</source>
        <translation>La hoja de configuración no se puede guardar ahí: {problem}.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="249"/>
        <source>Could not write the setup sheet to {file}.</source>
        <translation>No se pudo escribir la hoja de configuración en {file}.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/start.py" line="113"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="114"/>
        <location filename="../../ui/start.py" line="165"/>
        <source>&amp;New profile…</source>
        <translation>&amp;Nuevo perfil…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="118"/>
        <source>Set up a profile for a &amp;clinician (front desk)…</source>
        <translation>Preparar un perfil para un &amp;profesional (recepción)…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="121"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="126"/>
        <location filename="../../ui/start.py" line="168"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="139"/>
        <source>Choose your profile</source>
        <translation>Elija su perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="150"/>
        <source>Profiles</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="387"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="157"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="187"/>
        <source>Demo profile password: %1</source>
        <translation>Contraseña del perfil de demostración: %1</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="198"/>
        <source>No profile on this workstation yet</source>
        <translation>Todavía no hay ningún perfil en este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="210"/>
        <source>Create a &amp;profile</source>
        <translation>Crear un &amp;perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="288"/>
        <source>Type the password of this profile.</source>
        <translation>Escriba la contraseña de este perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="300"/>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="322"/>
        <source>Wrong password. Try again.</source>
        <translation>Contraseña incorrecta. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="378"/>
        <source>New profile</source>
        <translation>Nuevo perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="381"/>
        <source>e.g. Dr. Lee</source>
        <translation>p. ej. Dra. Lee</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="393"/>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nombre del perfil:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="385"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="86"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="143"/>
        <source>Each clinician on this workstation has a profile of their own, encrypted with their password.</source>
        <translation>Cada profesional de este equipo tiene su propio perfil, cifrado con su contraseña.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="153"/>
        <source>Profile password</source>
        <translation>Contraseña del perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="203"/>
        <source>Welcome to EPCS Desktop. Each clinician keeps their ID.me devices and code generators in a profile of their own, encrypted with their password. Create yours to get started; you choose its password.</source>
        <translation>Bienvenido a EPCS Desktop. Cada profesional guarda sus dispositivos de ID.me y sus generadores de códigos en un perfil propio, cifrado con su contraseña. Cree el suyo para empezar; usted elige su contraseña.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="339"/>
        <source>Wrong password. You can try again now.</source>
        <translation>Contraseña incorrecta. Ya puede volver a intentarlo.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="351"/>
        <source>Wrong password. Please wait 1 more second before trying again.</source>
        <translation>Contraseña incorrecta. Espere 1 segundo más antes de volver a intentarlo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/start.py" line="352"/>
        <source>Wrong password. Please wait %n more seconds before trying again.</source>
        <translation>
            <numerusform>Contraseña incorrecta. Espere %n segundo más antes de volver a intentarlo.</numerusform>
            <numerusform>Contraseña incorrecta. Espere %n segundos más antes de volver a intentarlo.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="354"/>
        <source>Wrong password. You can try again in 1 second.</source>
        <translation>Contraseña incorrecta. Puede volver a intentarlo dentro de 1 segundo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/start.py" line="355"/>
        <source>Wrong password. You can try again in %n seconds.</source>
        <translation>
            <numerusform>Contraseña incorrecta. Puede volver a intentarlo dentro de %n segundo.</numerusform>
            <numerusform>Contraseña incorrecta. Puede volver a intentarlo dentro de %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="386"/>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repita la contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="396"/>
        <source>Write your password down somewhere safe. A forgotten password cannot be recovered: nobody, not even support, can open the profile without it.</source>
        <translation>Anote su contraseña en un lugar seguro. Una contraseña olvidada no se puede recuperar: nadie, ni siquiera el soporte técnico, puede abrir el perfil sin ella.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="402"/>
        <source>&amp;Create profile</source>
        <translation>&amp;Crear perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="406"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
</context>
<context>
    <name>_DeviceRow</name>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="86"/>
        <source>Seconds until the code changes</source>
        <translation>Segundos hasta que cambie el código</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="89"/>
        <source>Device name</source>
        <translation>Nombre del dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="92"/>
        <source>This is an ID.me device</source>
        <translation>Es un dispositivo de ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="93"/>
        <source>A row of DrChrono&apos;s ID.me Device Information table.</source>
        <translation>Una fila de la tabla “ID.me Device Information” de DrChrono.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="102"/>
        <source>Code:</source>
        <translation>Código:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="104"/>
        <source>&amp;Name your device:</source>
        <translation>&amp;Nombre del dispositivo:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="123"/>
        <source>changes in %v s</source>
        <translation>cambia en %v s</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="134"/>
        <source>Current code: %1</source>
        <translation>Código actual: %1</translation>
    </message>
</context>
<context>
    <name>_ScanPageBase</name>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="60"/>
        <source>Scan status</source>
        <translation>Estado del escaneo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="67"/>
        <source>&amp;Open an image instead</source>
        <translation>Abrir una &amp;imagen en su lugar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="68"/>
        <source>Enter the secret &amp;key instead</source>
        <translation>&amp;Escribir la clave secreta en su lugar</translation>
    </message>
</context>
<context>
    <name>_StepBox</name>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="78"/>
        <source>Step {number} — {title}</source>
        <translation>Paso {number} — {title}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="85"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="85"/>
        <source>Done (ticked from this profile)</source>
        <translation>Hecho (marcado según este perfil)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="93"/>
        <source>&lt;i&gt;You should see:&lt;/i&gt; {what}</source>
        <translation>&lt;i&gt;Debería ver:&lt;/i&gt; {what}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="121"/>
        <source>Something went wrong. The details were written to the log; your data is safe.</source>
        <translation>Algo salió mal. Los detalles se escribieron en el registro; sus datos están a salvo.</translation>
    </message>
</context>
<context>
    <name>compliance</name>
    <message>
        <location filename="../../ui/dialogs.py" line="479"/>
        <source>Codes generated on this computer are not a DEA “hard token” separate from the prescribing computer (21 CFR 1311.115). Use a code generator on your phone (or a hardware token) to sign controlled-substance prescriptions.</source>
        <translation>Los códigos generados en este equipo no son un “token físico” de la DEA separado del equipo con el que prescribe (21 CFR 1311.115). Use un generador de códigos en su teléfono (o un token físico) para firmar recetas de sustancias controladas.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="491"/>
        <source>Compliance notice</source>
        <translation>Aviso de cumplimiento</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../ui/feedback.py" line="28"/>
        <location filename="../../ui/feedback.py" line="105"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="104"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../ui/tasks.py" line="51"/>
        <source>Something went wrong. The details were written to the log.</source>
        <translation>Algo salió mal. Los detalles se escribieron en el registro.</translation>
    </message>
</context>
</TS>
